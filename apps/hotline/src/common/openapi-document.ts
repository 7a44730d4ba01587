import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule, getSchemaPath } from '@nestjs/swagger';
import { ErrorView } from './dto/error.dto';

const ERROR_STATUS = /^[45]\d\d$/;

/**
 * The API document (served at /api/docs-json, and the source of libs/api-types). Every
 * operation answers errors as ErrorView unless it declares another body for that status.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Hotline API')
    .setDescription(
      "Call centre and appointment system for minors' mental-health hotlines. Every route needs " +
        '"Authorization: Bearer <accessToken>" from POST /api/auth/login unless marked x-public; ' +
        'x-roles lists the roles a route accepts. Errors answer an ErrorView unless a route ' +
        'declares another body.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorView] });
  const error = {
    'application/json': { schema: { $ref: getSchemaPath(ErrorView) } },
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, { content?: object }>;
      for (const [status, response] of Object.entries(responses))
        if (ERROR_STATUS.test(status) && !response.content) response.content = error;
      responses.default ??= { description: 'An error', content: error } as never;
    }
  }
  return document;
}
