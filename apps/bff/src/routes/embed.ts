// GET /api/v1/embed-config: which parent origins an embedded zlens page may talk to with
// postMessage. The same allowlist as CSP frame-ancestors (ZLENS_FRAME_ANCESTORS), so a page that
// the browser lets a portal frame is also the page that answers that portal, and no other.
import { Router } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';

/** Local to the BFF and the web (the web parses its own copy of this shape). */
export const EmbedConfigSchema = z.object({
  /** Exact origins (scheme://host[:port]) besides zlens's own. */
  allowedOrigins: z.array(z.string()),
  /** Whether zlens's own origin may frame it ('self' in the allowlist). */
  allowSelf: z.boolean(),
});
export type EmbedConfig = z.infer<typeof EmbedConfigSchema>;

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
