import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// The BFF serves the built SPA itself in production (same origin); in development Vite proxies
// /api to a running BFF. Reading the environment here is the web's one config point.
// eslint-disable-next-line no-restricted-syntax -- vite.config.ts is the web's config.ts (build-time only)
const BFF_URL = process.env.ZLENS_BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // Relative asset URLs: they resolve against the <base href> the BFF injects, so one build runs at
  // / and under a prefix (ZLENS_BASE_PATH). The dev server still serves at /.
  base: './',
  // @zlens/shared's `source` export: the dev server, the build and vitest read its TypeScript, so a
  // change there shows without rebuilding the package (the BFF, on Node, reads its dist/).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  plugins: [
    react(),
    // Brotli and gzip copies of the scripts, styles and icons beside them, made once at build: the
    // BFF sends the copy the browser accepts (express-static-gzip), so a cold load costs a third of
    // the bytes and no CPU per request. Fonts (woff2) are compressed already; index.html is sent
    // rewritten (with its <base>) by the BFF.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|svg)$/, threshold: 1024 }),
  ],
  server: { proxy: { '/api': { target: BFF_URL, changeOrigin: true } } },
  preview: { proxy: { '/api': { target: BFF_URL, changeOrigin: true } } },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // ECharts (with zrender) is most of the bytes and changes only on upgrades: its own chunk
        // stays cached across zlens releases. It loads with the first view, not with the shell.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
    // The echarts chunk (core, line chart, 3 components, canvas renderer) is ~520 kB minified.
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Whole-app renders (router, query client, every panel) take seconds on a loaded 2-core machine;
    // a test that waits longer than this is broken, not slow.
    testTimeout: 20_000,
  },
});
