import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';
const BEARER = 'bearer';

/** Swagger UI at /api/docs and the document at /api/docs-json, both public. */
export function setupDocs(app: INestApplication, globalPrefix: string): void {
  const config = new DocumentBuilder()
    .setTitle('Casework API')
    .setDescription('Tickets, queues and SLA breaches. Every route but /health needs `Authorization: Bearer <token>`.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque token', description: 'API_BOOTSTRAP_TOKEN' }, BEARER)
    .addSecurityRequirements(BEARER)
    .build();
  const document = (): OpenAPIObject => {
    const built = SwaggerModule.createDocument(app, config);
    // /health is public: the only operation without the global security requirement.
    const health = built.paths[`/${globalPrefix}/health`]?.get;
    if (health) health.security = [];
    return built;
  };
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json`, customSiteTitle: 'Casework API' });
}
