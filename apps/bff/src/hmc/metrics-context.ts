// One HMC metrics context (hmc-api.md §3): created on first use with the catalog's metric groups,
// read with Get Metrics, deleted on shutdown. A context belongs to its session, so after a re-logon
// the old URI answers 404.1; the context is then created again, as the exporter does.
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';
import { HmcError, type HmcClient } from './client.js';
import {
  MetricGroupInfoSchema,
  parseMetricsText,
  type MalformedRow,
  type MetricGroupInfo,
  type MetricObjectValues,
} from './metrics-text.js';

/** Rows with the wrong number of values are counted always, logged only this often per context. */
export const MALFORMED_ROW_LOGS = 5;

/** The HMC updates metrics every 15 s; it documents 15 as the minimum accepted value. */
export const ANTICIPATED_FREQUENCY_SECONDS = 15;

const CreateResponseSchema = z.object({
  'metrics-context-uri': z.string().startsWith('/api/'),
  'metric-group-infos': z.array(MetricGroupInfoSchema),
});

interface Context {
  uri: string;
  groups: MetricGroupInfo[];
}

export class HmcMetricsContext {
  private context: Context | null = null;
  private malformedLogged = 0;

  constructor(
    private readonly client: HmcClient,
    private metricGroups: readonly string[],
    private readonly logger: Logger,
    /** Counts rows with the wrong number of values (zlens_hmc_metrics_rows_malformed_total). */
    private readonly metrics?: AppMetrics,
  ) {}

  /** Asks for other groups from the next read on (a context's groups are fixed: it is recreated). */
  async useGroups(groups: readonly string[]): Promise<void> {
    if (groups.length === this.metricGroups.length && groups.every((g, i) => g === this.metricGroups[i])) return;
    this.metricGroups = [...groups];
    await this.delete();
  }

  /** Reads the current values of every object in the context's groups. */
  async fetch(): Promise<MetricObjectValues[]> {
    const context = await this.ensure();
    try {
      return await this.read(context);
    } catch (err) {
      if (!(err instanceof HmcError) || err.httpStatus !== 404 || err.reason !== 1) throw err;
      this.logger.info({ uri: context.uri }, 'HMC metrics context is gone (404.1), creating a new one');
      this.context = null;
      return this.read(await this.ensure());
    }
  }

  /** Deletes the context; 404.1 and 403 (session already gone) are expected and ignored. */
  async delete(): Promise<void> {
    const context = this.context;
    this.context = null;
    if (context === null) return;
    try {
      await this.client.delete(context.uri);
    } catch (err) {
      if (!(err instanceof HmcError && (err.httpStatus === 404 || err.httpStatus === 403))) {
        this.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'deleting the HMC metrics context failed');
      }
    }
  }

  private async ensure(): Promise<Context> {
    if (this.context !== null) return this.context;
    const body = await this.client.post('/api/services/metrics/context', {
      'anticipated-frequency-seconds': ANTICIPATED_FREQUENCY_SECONDS,
      'metric-groups': this.metricGroups,
    });
    const parsed = CreateResponseSchema.safeParse(body.kind === 'json' ? body.value : undefined);
    if (!parsed.success) throw new AppError('upstream_error', 'HMC: unexpected answer to Create Metrics Context');
    this.context = { uri: parsed.data['metrics-context-uri'], groups: parsed.data['metric-group-infos'] };
    return this.context;
  }

  private malformed(row: MalformedRow): void {
    this.metrics?.hmcMetricsRowsMalformed.inc({ group: row.group });
    if (this.malformedLogged >= MALFORMED_ROW_LOGS) return;
    this.malformedLogged += 1;
    // Counts and place only: the row's values are the HMC's, and say nothing more useful here.
    this.logger.warn({ ...row, logged: this.malformedLogged, of: MALFORMED_ROW_LOGS }, 'HMC metrics row with the wrong number of values');
  }

  private async read(context: Context): Promise<MetricObjectValues[]> {
    const body = await this.client.get(context.uri);
    if (body.kind === 'empty') return [];
    if (body.kind !== 'metrics') throw new AppError('upstream_error', 'HMC: Get Metrics did not answer with the metrics format');
    try {
      return parseMetricsText(body.text, context.groups, (row) => this.malformed(row));
    } catch (err) {
      throw new AppError('upstream_error', `HMC: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
