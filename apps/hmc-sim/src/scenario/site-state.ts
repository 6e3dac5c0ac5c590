// The live site: the scenario as it is now. Statuses can change at runtime (the admin endpoint,
// RunningSimulator.setStatus); each change replaces the immutable scenario with an updated copy,
// so every cache keyed by the scenario object stays right, and tells the listeners (the STOMP
// notification server) what changed.

import {
  ADAPTER_STATUSES,
  CPC_STATUSES,
  LPAR_STATUSES,
  PARTITION_STATUSES,
  adapterUri,
  cpcUri,
  lparUri,
  partitionUri,
  type CpcSpec,
  type Scenario,
} from './scenario.js';

export interface StatusChange {
  readonly class: 'cpc' | 'partition' | 'logical-partition' | 'adapter';
  readonly uri: string;
  readonly objectId: string;
  readonly name: string;
  readonly oldStatus: string;
  readonly newStatus: string;
}

type Listener = (change: StatusChange) => void;

function pick<T extends string>(allowed: readonly T[], status: string, what: string): T {
  const found = allowed.find((s) => s === status);
  if (found === undefined) throw new Error(`"${status}" is not a ${what} status (one of ${allowed.join(', ')})`);
  return found;
}

export class SiteState {
  private current: Scenario;
  private readonly listeners = new Set<Listener>();

  constructor(scenario: Scenario) {
    this.current = scenario;
  }

  get scenario(): Scenario {
    return this.current;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sets the status of the CPC, partition, LPAR or adapter with this object URI. */
  setStatus(uri: string, status: string): StatusChange {
    let change: StatusChange | undefined;
    const cpcs = this.current.cpcs.map((cpc): CpcSpec => {
      if (cpcUri(cpc) === uri) {
        change = { class: 'cpc', uri, objectId: cpc['object-id'], name: cpc.name, oldStatus: cpc.status, newStatus: status };
        return { ...cpc, status: pick(CPC_STATUSES, status, 'CPC') };
      }
      const partitions = cpc.partitions.map((p) => {
        if (partitionUri(p) !== uri) return p;
        change = { class: 'partition', uri, objectId: p['object-id'], name: p.name, oldStatus: p.status, newStatus: status };
        const next = pick(PARTITION_STATUSES, status, 'partition');
        const running = next === 'active' || next === 'degraded';
        // A started partition runs a steady load unless it had one; a stopped one has none.
        return { ...p, status: next, workload: running ? (p.workload === 'stopped' ? 'steady' : p.workload) : 'stopped' } as const;
      });
      const lpars = cpc['logical-partitions'].map((l) => {
        if (lparUri(l) !== uri) return l;
        change = { class: 'logical-partition', uri, objectId: l['object-id'], name: l.name, oldStatus: l.status, newStatus: status };
        const next = pick(LPAR_STATUSES, status, 'LPAR');
        const running = next === 'operating' || next === 'exceptions' || next === 'acceptable';
        return { ...l, status: next, workload: running ? (l.workload === 'stopped' ? 'steady' : l.workload) : 'stopped' } as const;
      });
      const adapters = cpc.adapters.map((a) => {
        if (adapterUri(a) !== uri) return a;
        change = { class: 'adapter', uri, objectId: a['object-id'], name: a.name, oldStatus: a.status, newStatus: status };
        return { ...a, status: pick(ADAPTER_STATUSES, status, 'adapter') };
      });
      return change === undefined ? cpc : { ...cpc, partitions, 'logical-partitions': lpars, adapters };
    });
    if (change === undefined) throw new Error(`no CPC, partition, LPAR or adapter with URI ${uri}`);
    this.current = { ...this.current, cpcs };
    for (const listener of this.listeners) listener(change);
    return change;
  }
}
