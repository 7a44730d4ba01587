import { join } from 'node:path';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { securityHeaders } from './auth/security-headers';
import { ErrorAnswerFilter } from './common/error-answer.filter';
import { buildOpenApiDocument } from './common/openapi-document';
import { useBodyParsing } from './common/request-body';
import { RequestOrigin } from './common/request-origin';
import { Environment } from './config/environment';
import { Cluster } from './instances/cluster';
import { RedisIoAdapter } from './instances/redis-io.adapter';

/** Builds the hotline server, exactly as `npm start` runs it; the end-to-end tests use it too. */
export async function createHotlineApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    // Start-up logs wait for the structured logger; a failed start is reported by the caller
    // (main.ts prints a bad setting as one clear message), not dumped by Nest.
    bufferLogs: true,
    logger: false,
    abortOnError: false,
    // JSON and form bodies are parsed by useBodyParsing below, with a depth limit.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(
    securityHeaders(
      app.get(ConfigService<Environment, true>).get('PUBLIC_BASE_URL', { infer: true }),
    ),
  );
  // Behind a proxy the client's address is in X-Forwarded-For: the audit trail and the public
  // booking rate limit count people, not the proxy.
  const trustedProxies = app
    .get(ConfigService<Environment, true>)
    .get('TRUST_PROXY', { infer: true });
  if (trustedProxies)
    app.set(
      'trust proxy',
      trustedProxies.split(',').map((item) => item.trim()),
    );
  // The audit trail records where each read of a confidential field came from.
  app.use((request: Request, _response: unknown, next: () => void) =>
    RequestOrigin.run(request.ip ?? 'unknown', next),
  );
  app.enableShutdownHooks();
  // Several instances: consoles on any of them receive the frames the routing leader sends.
  const redisUrl = app.get(ConfigService<Environment, true>).get('REDIS_URL', { infer: true });
  if (redisUrl) {
    const adapter = new RedisIoAdapter(app, redisUrl, app.get(Cluster).socketKey);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  // The browser console, built by `npm run build` (apps/console) and served as static files.
  app.useStaticAssets(join(process.cwd(), 'dist', 'console'), {
    prefix: '/console/',
    index: 'index.html',
  });
  // The parents' booking page (apps/booking-page), public; `/book` as typed goes to `/book/`.
  app.use((request: Request, response: Response, next: () => void) => {
    if (request.path !== '/book') return next();
    const query = request.originalUrl.indexOf('?');
    response.redirect(301, `/book/${query < 0 ? '' : request.originalUrl.slice(query)}`);
  });
  app.useStaticAssets(join(process.cwd(), 'dist', 'booking'), {
    prefix: '/book/',
    index: 'index.html',
  });
  // The public chat page (apps/chat-page); `/chat` as typed goes to `/chat/`.
  app.use((request: Request, response: Response, next: () => void) => {
    if (request.path === '/chat') response.redirect(301, '/chat/');
    else next();
  });
  app.useStaticAssets(join(process.cwd(), 'dist', 'chat'), {
    prefix: '/chat/',
    index: 'index.html',
  });
  useBodyParsing(app);
  // Every error answers an ErrorView; the body parser's and Express's 4xx are not logged as errors.
  app.useGlobalFilters(new ErrorAnswerFilter(app.getHttpAdapter()));
  publishOpenApi(app);
  return app;
}

function publishOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
