// Limits every upstream client applies, with their defaults (config.ts reads the settings).

/**
 * ZLENS_UPSTREAM_MAX_BYTES by default, 64 MiB: several times the largest answer a big site gives
 * (a fleet heatmap range query, a Get Metrics body), far below what would strain the heap.
 */
export const DEFAULT_UPSTREAM_MAX_BYTES = 64 * 1024 * 1024;

/**
 * ZLENS_CACHE_MAX_BYTES by default, 128 MiB of heap for the caches together (ByteCache): about 16
 * fleet heatmaps at 11,000 points, or thousands of ordinary panels. docs/deploy.md sizes the heap.
 */
export const DEFAULT_CACHE_MAX_BYTES = 128 * 1024 * 1024;
