// The console's "List Permitted ..." operations (zhmcclient `Console.list_permitted_partitions`,
// `list_permitted_lpars`, `list_permitted_adapters`; its mock's handlers): every partition, LPAR
// or adapter the user may see across the CPCs, with the CPC's name, URI and SE version. Server-side
// filters: string properties as anchored regexes, enums exact (hmc-api.md §2.1), `cpc-name` a regex.
// IBM's exporter calls list-permitted-logical-partitions every ≥ 30 s in the background (§7).

import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { adapterProperties, lparProperties } from './inventory-io.js';
import {
  cpcProperties,
  matchesExact,
  matchesRegex,
  parseQuery,
  partitionProperties,
  pickKnown,
  withAdditional,
  type Properties,
} from './inventory.js';
import type { Router } from './router.js';
import type { CpcSpec, Scenario } from '../scenario/scenario.js';
import { classicAdapters } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

interface PermittedKind {
  readonly path: string;
  readonly resultField: string;
  /** The CPCs that have such objects. */
  readonly cpcs: (cpc: CpcSpec) => boolean;
  readonly objects: (cpc: CpcSpec) => Properties[];
  /** The object's properties in every entry (the CPC's name, URI, SE version are added). */
  readonly listed: readonly string[];
  readonly regex: readonly string[];
  readonly exact: readonly string[];
  /** Filters compared to another property (zhmcclient sends `type` for LPARs; they have `activation-mode`). */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly withDpmEnabled?: boolean;
}

const KINDS: readonly PermittedKind[] = [
  {
    path: '/api/console/operations/list-permitted-partitions',
    resultField: 'partitions',
    cpcs: (cpc) => cpc['dpm-enabled'],
    objects: (cpc) => cpc.partitions.map((p) => partitionProperties(p, cpc)),
    listed: ['name', 'object-uri', 'type', 'status', 'has-unacceptable-status'],
    regex: ['name'],
    exact: ['type', 'status', 'has-unacceptable-status'],
  },
  {
    path: '/api/console/operations/list-permitted-logical-partitions',
    resultField: 'logical-partitions',
    cpcs: (cpc) => !cpc['dpm-enabled'],
    objects: (cpc) => cpc['logical-partitions'].map((l) => lparProperties(l, cpc)),
    listed: ['name', 'object-uri', 'activation-mode', 'status', 'has-unacceptable-status'],
    regex: ['name'],
    exact: ['type', 'activation-mode', 'status', 'has-unacceptable-status'],
    aliases: { type: 'activation-mode' },
  },
  {
    // DPM CPCs' adapters, and from z16 (SE 2.16) on those of classic CPCs (topology.ts).
    path: '/api/console/operations/list-permitted-adapters',
    resultField: 'adapters',
    cpcs: () => true,
    objects: (cpc) =>
      [...cpc.adapters, ...classicAdapters(cpc)].map((a) => ({ ...adapterProperties(a, cpc), 'firmware-update-pending': false })),
    listed: ['object-uri', 'name', 'adapter-id', 'adapter-family', 'type', 'status', 'firmware-update-pending'],
    regex: ['name', 'adapter-id'],
    exact: ['adapter-family', 'type', 'status', 'firmware-update-pending', 'dpm-enabled'],
    withDpmEnabled: true,
  },
];

/** Booleans filter as `true`/`false` text. */
function matchesFilter(value: Properties[string] | undefined, wanted: readonly string[]): boolean {
  return typeof value === 'boolean' ? wanted.includes(String(value)) : matchesExact(value, wanted);
}

export function addConsoleRoutes(router: Router<HmcHandler>, current: () => Scenario): void {
  for (const kind of KINDS) {
    router.add(
      'GET',
      kind.path,
      authed((request) => {
        const query = parseQuery(request.query, [...kind.regex, ...kind.exact, 'cpc-name', 'additional-properties']);
        const cpcNames = query.get('cpc-name');
        const additional = query.get('additional-properties')?.join(',').split(',');
        const entries = current()
          .cpcs.filter((cpc) => kind.cpcs(cpc) && (cpcNames === undefined || matchesRegex(cpc.name, cpcNames, 'cpc-name')))
          .flatMap((cpc) => {
            const cpcProps = cpcProperties(cpc);
            return kind
              .objects(cpc)
              .map((props): Properties => (kind.withDpmEnabled === true ? { ...props, 'dpm-enabled': cpc['dpm-enabled'] } : props))
              .filter(
                (props) =>
                  kind.regex.every((parm) => {
                    const wanted = query.get(parm);
                    return wanted === undefined || matchesRegex(props[kind.aliases?.[parm] ?? parm], wanted, parm);
                  }) &&
                  kind.exact.every((parm) => {
                    const wanted = query.get(parm);
                    return wanted === undefined || matchesFilter(props[kind.aliases?.[parm] ?? parm], wanted);
                  }),
              )
              .map((props) => {
                const entry: Properties = {
                  ...pickKnown(props, kind.listed),
                  'cpc-name': cpc.name,
                  'cpc-object-uri': cpcProps['object-uri'] ?? null,
                  'se-version': cpc['se-version'],
                  ...(kind.withDpmEnabled === true ? { 'dpm-enabled': cpc['dpm-enabled'] } : {}),
                };
                return withAdditional(entry, props, additional, request.path);
              });
          });
        return { status: 200, json: { [kind.resultField]: entries } };
      }),
    );
  }
}
