export * from './catalog.js';
export * from './time.js';
export * from './api.js';
export * from './exporter-metrics.js';
export * from './thresholds.js';
export * from './alerts.js';
export * from './api-physical.js';
export * from './hmc-messages.js';
