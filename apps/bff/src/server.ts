// The production entry: load config (a bad one exits 1 with a message naming the variable),
// build the deps, listen, and on SIGTERM/SIGINT close cleanly (metrics context, HMC logoff).
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startBff } from './run.js';

async function main(): Promise<void> {
  let config;
  try {
    // eslint-disable-next-line no-restricted-syntax -- the entry point hands the environment to loadConfig, the one reader
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`zlens bff: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  for (const note of config.notes) logger.info(note);
  const bff = await startBff(config, logger);
  logger.info(
    {
      url: `${bff.url}${config.basePath}/`,
      mode: bff.built.deps.source.kind,
      auth: config.auth.mode,
      prometheus: config.prometheus?.url ?? null,
      hmc: config.hmc?.url ?? null,
      web: config.webDir,
    },
    'zlens BFF listening',
  );
  if (config.auth.mode === 'none' && !['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
    logger.warn({ host: config.host }, 'ZLENS_AUTH=none: anyone who can reach this address sees the data; set ZLENS_AUTH=proxy or token');
  }
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    bff.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  console.error('zlens bff: failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
