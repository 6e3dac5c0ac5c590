// Public entry of @zlens/bff: what the web's end-to-end setup needs to start a BFF in-process.
export { createApp, type AppDeps } from './app.js';
export { buildDeps, type BuiltDeps, type BuildDepsOptions } from './deps.js';
export { loadConfig, ConfigError, type Config, type Env } from './config.js';
export { createLogger, type Logger } from './logger.js';
export { systemClock, type Clock } from './clock.js';
export { startBff, type RunningBff } from './run.js';
