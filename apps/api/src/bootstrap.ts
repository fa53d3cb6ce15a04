import 'reflect-metadata';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { ProblemFilter } from './common/problem.filter';
import { requestContextMiddleware } from './common/request-context';
import type { ApiConfig } from './config';

/** Largest JSON body accepted; bigger ones get a 413 problem. */
const BODY_LIMIT = '1mb';

/** Builds the whole application. main.ts and every e2e test call this, so tests run the real app. */
export async function createApp(config: ApiConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  app.disable('x-powered-by');
  // Client addresses in the audit trail come from X-Forwarded-For only behind trusted proxies.
  app.set('trust proxy', process.env.TRUST_PROXY ?? 'loopback');
  app.use(requestContextMiddleware);
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('CCAS — API')
    .setDescription('Case management for CCAS/CIAS social workers. Errors are application/problem+json (RFC 9457).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
