// The /api/v1 answers that need no sign-in: they hold no monitoring data.
// - GET /embed-config: which parent origins an embedded zlens page may talk to with postMessage;
//   the same allowlist as CSP frame-ancestors (ZLENS_FRAME_ANCESTORS), so the page a portal may
//   frame is also the page that answers that portal, and no other. Public, because a framed page
//   must know whom to accept a sign-in token from before it has one.
// - GET /openapi.json: the API description.
import { Router } from 'express';
import { EmbedConfigSchema, type EmbedConfig } from '@zlens/shared';
import type { Config } from '../config.js';
import { openApiDocument } from '../openapi.js';

export function embedConfigOf(config: Pick<Config, 'frameAncestors'>): EmbedConfig {
  return {
    allowedOrigins: config.frameAncestors.filter((source) => !source.startsWith("'")),
    allowSelf: config.frameAncestors.includes("'self'"),
  };
}

export function publicRouter(config: Pick<Config, 'frameAncestors' | 'basePath'>): Router {
  const embedConfig = EmbedConfigSchema.parse(embedConfigOf(config));
  const openApi = openApiDocument(config.basePath);
  const router = Router();
  router.get('/embed-config', (_req, res) => {
    res.json(embedConfig);
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  return router;
}
