// Starts a BFF from a Config: deps, app, listening socket, and one close() for all of it.
import { createApp } from './app.js';
import type { Config } from './config.js';
import { buildDeps, type BuildDepsOptions, type BuiltDeps } from './deps.js';
import type { Logger } from './logger.js';

export interface RunningBff {
  /** http://host:port of the listening server. */
  url: string;
  port: number;
  built: BuiltDeps;
  close(): Promise<void>;
}

export async function startBff(config: Config, logger: Logger, options: BuildDepsOptions = {}): Promise<RunningBff> {
  const built = buildDeps(config, logger, options);
  const app = createApp(built.deps);
  const server = app.listen(config.port, config.host);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (err) {
    await built.close();
    throw err;
  }
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the BFF is not listening on a TCP port');
  const { port } = address;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    built,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await built.close();
      })();
      return closing;
    },
  };
}
