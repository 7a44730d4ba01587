import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { RequestOrigin } from './common/request-origin';

/** Builds the hotline server, exactly as `npm start` runs it; the end-to-end tests use it too. */
export async function createHotlineApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    // Start-up logs wait for the structured logger; a failed start is reported by the caller
    // (main.ts prints a bad setting as one clear message), not dumped by Nest.
    bufferLogs: true,
    logger: false,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // The audit trail records where each read of a confidential field came from.
  app.use((request: Request, _response: unknown, next: () => void) =>
    RequestOrigin.run(request.ip ?? 'unknown', next),
  );
  app.enableShutdownHooks();
  // The browser console, built by `npm run build` (apps/console) and served as static files.
  app.useStaticAssets(join(process.cwd(), 'dist', 'console'), {
    prefix: '/console/',
    index: 'index.html',
  });
  publishOpenApi(app);
  return app;
}

function publishOpenApi(app: NestExpressApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Hotline API')
    .setDescription(
      "Call centre and appointment system for minors' mental-health hotlines. Every route needs " +
        '"Authorization: Bearer <accessToken>" from POST /api/auth/login unless marked x-public; ' +
        'x-roles lists the roles a route accepts.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
