// The live site: the scenario as it is now. Statuses and workloads can change at runtime (the admin
// endpoint, RunningSimulator.setStatus and setWorkload); each change replaces the immutable scenario with an updated copy,
// so every cache keyed by the scenario object stays right, and tells the listeners (the STOMP
// notification server) what changed.

import {
  ADAPTER_STATUSES,
  CPC_STATUSES,
  LPAR_STATUSES,
  PARTITION_STATUSES,
  WORKLOAD_PROFILES,
  adapterUri,
  cpcUri,
  lparUri,
  partitionUri,
  type CpcSpec,
  type Scenario,
  type WorkloadProfile,
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

  /**
   * Sets the workload of the running partition or LPAR with this object URI, or of every running one
   * of the CPC with this URI (driving the CPC's usage, which follows its partitions'). Stopped ones
   * stay stopped: a status change starts them. Returns how many took the workload.
   */
  setWorkload(uri: string, workload: string): { uri: string; workload: WorkloadProfile; changed: number } {
    const next = pick(WORKLOAD_PROFILES, workload, 'workload');
    if (next === 'stopped') throw new Error('"stopped" is a status: change the status to stop a partition');
    let found = false;
    let changed = 0;
    const apply = <T extends { workload: WorkloadProfile }>(item: T, whole: boolean, itemUri: string): T => {
      if (!whole && itemUri !== uri) return item;
      found = true;
      if (item.workload === 'stopped') return item;
      changed += 1;
      return { ...item, workload: next };
    };
    const cpcs = this.current.cpcs.map((cpc): CpcSpec => {
      const whole = cpcUri(cpc) === uri;
      found ||= whole;
      return {
        ...cpc,
        partitions: cpc.partitions.map((p) => apply(p, whole, partitionUri(p))),
        'logical-partitions': cpc['logical-partitions'].map((l) => apply(l, whole, lparUri(l))),
      };
    });
    if (!found) throw new Error(`no CPC, partition or LPAR with URI ${uri}`);
    this.current = { ...this.current, cpcs };
    return { uri, workload: next, changed };
  }
}
