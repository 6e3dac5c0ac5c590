// zlens' usage bands, percent: the default warning and critical bands of every usage chart, and
// the thresholds of the alerting rules zlens ships (docker/prometheus/rules/zlens-alerts.yml, as
// ratios; thresholds.test.ts fails when the two drift apart). A viewer may move the bands in the
// UI; the rules stay as the site deploys them.
export const USAGE_THRESHOLDS = { warning: 70, critical: 90 } as const;
