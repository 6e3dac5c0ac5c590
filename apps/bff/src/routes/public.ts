// The /api/v1 answers that need no sign-in: they hold no monitoring data.
// - GET /embed-config: which parent origins an embedded zlens page may talk to with postMessage;
//   the same allowlist as CSP frame-ancestors (ZLENS_FRAME_ANCESTORS), so the page a portal may
//   frame is also the page that answers that portal, and no other. Public, because a framed page
//   must know whom to accept a sign-in token from before it has one.
// - GET /openapi.json: the API description, and GET /docs/: a readable page of it (Swagger UI,
//   served from the swagger-ui-dist package; its script is a file, not inline, so the page runs
//   under the same CSP as the SPA), for a portal team building on the API.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router } from 'express';
import { EmbedConfigSchema, type EmbedConfig } from '@zlens/shared';
import type { Config } from '../config.js';
import { openApiDocument } from '../openapi.js';
import { get } from './api.js';
import { API_ROUTES } from './api-routes.js';

export function embedConfigOf(config: Pick<Config, 'frameAncestors'>): EmbedConfig {
  return {
    allowedOrigins: config.frameAncestors.filter((source) => !source.startsWith("'")),
    allowSelf: config.frameAncestors.includes("'self'"),
  };
}

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>zlens API</title>
    <link rel="icon" type="image/png" href="favicon-32x32.png" />
    <link rel="stylesheet" href="swagger-ui.css" />
  </head>
  <body>
    <div id="api"></div>
    <script src="swagger-ui-bundle.js"></script>
    <script src="init.js"></script>
  </body>
</html>
`;

// No validator badge: it would send the document to validator.swagger.io.
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '../openapi.json', dom_id: '#api', deepLinking: true, validatorUrl: null });
`;

function docsRouter(): Router {
  const router = Router();
  // The page's URLs are relative: it must be served at /docs/ with its slash.
  router.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0]?.endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.type('html').send(DOCS_PAGE);
  });
  router.get('/init.js', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.type('js').send(DOCS_INIT);
  });
  for (const file of SWAGGER_UI_FILES) {
    router.get(`/${file}`, (_req, res) => {
      // 'allow': pnpm keeps packages under node_modules/.pnpm, a dot directory.
      res.sendFile(join(SWAGGER_UI_DIR, file), { maxAge: '1d', dotfiles: 'allow' });
    });
  }
  return router;
}

export function publicRouter(config: Pick<Config, 'frameAncestors' | 'basePath'>): Router {
  const embedConfig = EmbedConfigSchema.parse(embedConfigOf(config));
  const openApi = openApiDocument(config.basePath);
  const router = Router();
  get(router, API_ROUTES.embedConfig, () => embedConfig);
  get(router, API_ROUTES.openApi, () => openApi);
  router.use('/docs', docsRouter());
  return router;
}
