// GET /api/v1/embed-config: which parent origins an embedded zlens page may talk to with
// postMessage. The same allowlist as CSP frame-ancestors (ZLENS_FRAME_ANCESTORS), so a page that
// the browser lets a portal frame is also the page that answers that portal, and no other.
import { Router } from 'express';
import { EmbedConfigSchema, type EmbedConfig } from '@zlens/shared';
import type { Config } from '../config.js';

export function embedConfigOf(config: Pick<Config, 'frameAncestors'>): EmbedConfig {
  return {
    allowedOrigins: config.frameAncestors.filter((source) => !source.startsWith("'")),
    allowSelf: config.frameAncestors.includes("'self'"),
  };
}

export function embedRouter(config: Pick<Config, 'frameAncestors'>): Router {
  const body = EmbedConfigSchema.parse(embedConfigOf(config));
  const router = Router();
  router.get('/embed-config', (_req, res) => {
    res.json(body);
  });
  return router;
}
