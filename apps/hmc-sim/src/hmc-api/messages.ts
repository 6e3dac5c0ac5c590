// What the HMC records as text: hardware messages of the console and of each CPC (zhmcclient
// `_hw_message.py`, its mock's HwMessagesHandlers) and the operating-system messages of running
// partitions and LPARs (`list_os_messages` of `_partition.py` / `_lpar.py`). Read-only here, and
// deterministic: every message is a pure function of (seed, object, time), so the same clock gives
// the same messages, and time moving on adds new ones.

import { badQueryParm, unknownResource } from './hmc-errors.js';
import { fnv1a, unit } from '../workload/hash.js';
import type { HmcHandler, HmcReply, HmcRequest } from './hmc-routes.js';
import { parseQuery, pickKnown, selectProperties, type Properties } from './inventory.js';
import type { Router } from './router.js';
import { cpcUri, isLparRunning, isRunning, type CpcSpec, type Scenario } from '../scenario/scenario.js';
import { topology } from '../scenario/topology.js';

const authed = (handle: (r: HmcRequest) => HmcReply): HmcHandler => ({ auth: true, handle });

const DAY_MS = 86_400_000;
/** How far back the simulated HMC keeps hardware messages. */
const HARDWARE_MESSAGE_DAYS = 30;

interface MessageText {
  readonly text: string;
  readonly serviceSupported: boolean;
}

const CPC_TEXTS: readonly MessageText[] = [
  { text: 'A power supply in frame A reported a loss of redundancy. The system continues to run.', serviceSupported: true },
  { text: 'Licensed internal code changes are available for this CPC.', serviceSupported: false },
  { text: 'The support element detected a degraded fan in frame A. Call for service.', serviceSupported: true },
  { text: 'The ambient temperature of the CPC exceeded the recommended range.', serviceSupported: false },
  { text: 'A spare processor was invoked to replace a failing processor.', serviceSupported: true },
  { text: 'The alternate support element could not be mirrored from the primary support element.', serviceSupported: false },
];

const CONSOLE_TEXTS: readonly MessageText[] = [
  { text: 'Backup of critical console data completed successfully.', serviceSupported: false },
  { text: 'The HMC certificate expires in 30 days.', serviceSupported: false },
  { text: 'Communication with the support element of a CPC was lost and has been restored.', serviceSupported: false },
  { text: 'Licensed internal code changes are available for this Hardware Management Console.', serviceSupported: false },
];

/** A message of a day: up to two a day, at hashed times (most days none). */
function hardwareMessages(seed: number, ownerKey: string, parentUri: string, texts: readonly MessageText[], nowMs: number): Properties[] {
  const key = fnv1a(ownerKey);
  const today = Math.floor(nowMs / DAY_MS);
  const out: Properties[] = [];
  for (let day = today - HARDWARE_MESSAGE_DAYS + 1; day <= today; day += 1) {
    const draw = unit(seed, key, day);
    const count = draw < 0.6 ? 0 : draw < 0.9 ? 1 : 2;
    for (let k = 0; k < count; k += 1) {
      const timestamp = day * DAY_MS + Math.floor(unit(seed, key, day, k, 1) * DAY_MS);
      if (timestamp > nowMs) continue;
      const chosen = texts[Math.floor(unit(seed, key, day, k, 2) * texts.length)] ?? texts[0];
      if (chosen === undefined) continue;
      const elementId = `${day.toString(16)}${k}`;
      out.push({
        'element-uri': `${parentUri}/hardware-messages/${elementId}`,
        'element-id': elementId,
        parent: parentUri,
        class: 'hardware-message',
        timestamp,
        text: chosen.text,
        'service-supported': chosen.serviceSupported,
      });
    }
  }
  return out.sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
}

export function cpcHardwareMessages(seed: number, cpc: CpcSpec, nowMs: number): Properties[] {
  return hardwareMessages(seed, `${cpc['object-id']}/hardware-messages`, cpcUri(cpc), CPC_TEXTS, nowMs);
}

export function consoleHardwareMessages(seed: number, nowMs: number): Properties[] {
  return hardwareMessages(seed, 'console/hardware-messages', '/api/console', CONSOLE_TEXTS, nowMs);
}

/** Operating-system messages: one about every 7 minutes per running OS, the last 60 kept. */
const OS_MESSAGE_EVERY_MS = 420_000;
const OS_MESSAGES_KEPT = 60;

const ZOS_TEXTS = [
  'IEF403I BATCHJOB - STARTED - TIME=%T',
  '$HASP373 BATCHJOB STARTED - INIT 1 - CLASS A - SYS %S',
  'IEA989I SLIP TRAP ID=X33E MATCHED. JOBNAME=*UNAVAIL, ASID=0042.',
  'IRA400E 04,PAGEABLE STORAGE SHORTAGE',
  'IEF404I BATCHJOB - ENDED - TIME=%T',
  '*07 IEE094D SPECIFY OPERAND(S) FOR DUMP COMMAND',
];
const LINUX_TEXTS = [
  'systemd[1]: Started Daily rotation of log files.',
  'kernel: qeth 0.0.1000: The qeth device driver failed to recover an error on the device',
  'sshd[2211]: Accepted publickey for ops from 10.1.2.3 port 50122',
  'kernel: zfcp 0.0.1900: The local link has been restored',
  'systemd[1]: Starting Cleanup of Temporary Directories...',
];

export interface OsMessageSubject {
  readonly objectId: string;
  readonly zos: boolean;
}

export function osMessages(seed: number, subject: OsMessageSubject, nowMs: number): Properties[] {
  const key = fnv1a(`${subject.objectId}/os-messages`);
  const offset = Math.floor(unit(seed, key) * OS_MESSAGE_EVERY_MS);
  const last = Math.floor((nowMs - offset) / OS_MESSAGE_EVERY_MS);
  const texts = subject.zos ? ZOS_TEXTS : LINUX_TEXTS;
  const out: Properties[] = [];
  for (let n = Math.max(0, last - OS_MESSAGES_KEPT + 1); n <= last; n += 1) {
    const timestamp = n * OS_MESSAGE_EVERY_MS + offset;
    const template = texts[Math.floor(unit(seed, key, n) * texts.length)] ?? '';
    const time = new Date(timestamp).toISOString().slice(11, 19);
    const held = template.startsWith('*');
    out.push({
      'sequence-number': n,
      'message-id': `${n}`,
      'message-text': `${template.replace('%T', time).replace('%S', 'SYS1')}\n`,
      timestamp,
      'is-held': held,
      'is-priority': held || template.includes('SHORTAGE'),
      'prompt-text': held ? template : null,
    });
  }
  return out;
}

function timeParm(query: Map<string, string[]>, name: string): number | undefined {
  const values = query.get(name);
  if (values === undefined) return undefined;
  const value = Number(values[values.length - 1]);
  if (!Number.isInteger(value)) throw badQueryParm(`${name} must be milliseconds since the epoch`);
  return value;
}

function booleanParm(query: Map<string, string[]>, name: string): boolean | undefined {
  const value = query.get(name)?.at(-1);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badQueryParm(`${name} must be true or false`);
  return value === 'true';
}

const LIST_PROPERTIES = ['element-uri', 'text', 'timestamp'];

function listMessages(request: HmcRequest, all: readonly Properties[]): HmcReply {
  const query = parseQuery(request.query, ['begin-time', 'end-time']);
  const begin = timeParm(query, 'begin-time');
  const end = timeParm(query, 'end-time');
  const listed = all
    .filter((m) => (begin === undefined || Number(m.timestamp) >= begin) && (end === undefined || Number(m.timestamp) <= end))
    .map((m) => pickKnown(m, LIST_PROPERTIES));
  return { status: 200, json: { 'hardware-messages': listed } };
}

function oneMessage(request: HmcRequest, all: readonly Properties[]): HmcReply {
  const found = all.find((m) => m['element-id'] === request.params.message);
  if (found === undefined) throw unknownResource(request.path);
  const list = parseQuery(request.query, ['properties']).get('properties');
  return { status: 200, json: list === undefined ? found : selectProperties(found, list.join(','), request.path, 'properties') };
}

function listOsMessages(request: HmcRequest, all: readonly Properties[]): HmcReply {
  const query = parseQuery(request.query, ['begin-sequence-number', 'end-sequence-number', 'is-held', 'is-priority', 'max-messages']);
  const begin = timeParm(query, 'begin-sequence-number');
  const end = timeParm(query, 'end-sequence-number');
  const max = timeParm(query, 'max-messages');
  if (max !== undefined && max < 0) throw badQueryParm('max-messages must be >= 0');
  const held = booleanParm(query, 'is-held');
  const priority = booleanParm(query, 'is-priority');
  const selected = all.filter((m) => {
    const nr = Number(m['sequence-number']);
    return (
      (begin === undefined || nr >= begin) &&
      (end === undefined || nr <= end) &&
      (held === undefined || m['is-held'] === held) &&
      (priority === undefined || m['is-priority'] === priority)
    );
  });
  return { status: 200, json: { 'os-messages': max === undefined ? selected : selected.slice(0, max) } };
}

export function addMessageRoutes(router: Router<HmcHandler>, current: () => Scenario, now: () => number): void {
  const cpcOf = (request: HmcRequest): CpcSpec => {
    const cpc = topology(current()).cpcById.get(request.params.id ?? '');
    if (cpc === undefined) throw unknownResource(request.path);
    return cpc;
  };
  const partitionMessages = (request: HmcRequest): Properties[] => {
    const found = topology(current()).partitionById.get(request.params.id ?? '');
    if (found === undefined) throw unknownResource(request.path);
    return isRunning(found.partition) ? osMessages(current().seed, { objectId: found.partition['object-id'], zos: false }, now()) : [];
  };
  const lparMessages = (request: HmcRequest): Properties[] => {
    const found = topology(current()).lparById.get(request.params.id ?? '');
    if (found === undefined) throw unknownResource(request.path);
    const zos = !/^(linux|ssc|coupling-facility)$/.test(found.lpar['activation-mode']);
    return isLparRunning(found.lpar) ? osMessages(current().seed, { objectId: found.lpar['object-id'], zos }, now()) : [];
  };
  router
    .add(
      'GET',
      '/api/console/hardware-messages',
      authed((request) => listMessages(request, consoleHardwareMessages(current().seed, now()))),
    )
    .add(
      'GET',
      '/api/console/hardware-messages/:message',
      authed((request) => oneMessage(request, consoleHardwareMessages(current().seed, now()))),
    )
    .add(
      'GET',
      '/api/cpcs/:id/hardware-messages',
      authed((request) => listMessages(request, cpcHardwareMessages(current().seed, cpcOf(request), now()))),
    )
    .add(
      'GET',
      '/api/cpcs/:id/hardware-messages/:message',
      authed((request) => oneMessage(request, cpcHardwareMessages(current().seed, cpcOf(request), now()))),
    )
    .add(
      'GET',
      '/api/partitions/:id/operations/list-os-messages',
      authed((request) => listOsMessages(request, partitionMessages(request))),
    )
    .add(
      'GET',
      '/api/logical-partitions/:id/operations/list-os-messages',
      authed((request) => listOsMessages(request, lparMessages(request))),
    );
}
