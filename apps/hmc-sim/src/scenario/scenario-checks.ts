// Checks across a scenario's objects: unique names, and references by name that resolve.

import { ScenarioError } from './scenario-error.js';
import { CRYPTO_DOMAIN_COUNT } from './builders.js';
import type { CpcSpec } from './scenario.js';

export function checkReferences(cpc: CpcSpec, path: string): void {
  const adapters = new Map(cpc.adapters.map((a) => [a.name, a]));
  const vswitches = new Set(cpc['virtual-switches'].map((v) => v.name));
  const groups = new Set(cpc['storage-groups'].map((g) => g.name));
  cpc['virtual-switches'].forEach((v, i) => {
    const adapter = adapters.get(v['backing-adapter']);
    if (adapter === undefined)
      throw new ScenarioError(`${path}.virtual-switches[${i}].backing-adapter: no adapter named "${v['backing-adapter']}"`);
    if (v.port >= adapter['port-count'])
      throw new ScenarioError(`${path}.virtual-switches[${i}].port: adapter "${adapter.name}" has ${adapter['port-count']} ports`);
  });
  cpc['storage-groups'].forEach((g, i) => {
    for (const name of g.adapters) {
      const adapter = adapters.get(name);
      if (adapter?.type !== 'fcp' && adapter?.type !== 'fc')
        throw new ScenarioError(`${path}.storage-groups[${i}].adapters: "${name}" is not an FCP adapter of ${cpc.name}`);
    }
  });
  cpc.partitions.forEach((partition, i) => {
    partition.nics.forEach((nic, j) => {
      const at = `${path}.partitions[${i}].nics[${j}]`;
      if ((nic['virtual-switch'] === undefined) === (nic.adapter === undefined))
        throw new ScenarioError(`${at}: give either virtual-switch or adapter (and port)`);
      if (nic['virtual-switch'] !== undefined && !vswitches.has(nic['virtual-switch']))
        throw new ScenarioError(`${at}.virtual-switch: no virtual switch named "${nic['virtual-switch']}"`);
      if (nic.adapter !== undefined) {
        const adapter = adapters.get(nic.adapter);
        if (adapter === undefined) throw new ScenarioError(`${at}.adapter: no adapter named "${nic.adapter}"`);
        if ((nic.port ?? 0) >= adapter['port-count'])
          throw new ScenarioError(`${at}.port: adapter "${adapter.name}" has ${adapter['port-count']} ports`);
      }
    });
    checkCrypto(cpc, i, path);
    for (const name of partition['storage-groups']) {
      if (!groups.has(name)) throw new ScenarioError(`${path}.partitions[${i}].storage-groups: no storage group named "${name}"`);
    }
    assertUnique(
      partition.nics.map((n) => n.name),
      `NIC name in ${partition.name}`,
    );
  });
}

/** A partition's crypto adapters exist and are crypto adapters; no usage domain of an adapter is used twice. */
function checkCrypto(cpc: CpcSpec, index: number, path: string): void {
  const config = cpc.partitions[index]?.['crypto-configuration'];
  if (config === null || config === undefined) return;
  const at = `${path}.partitions[${index}].crypto-configuration`;
  for (const name of config['crypto-adapters']) {
    if (cpc.adapters.find((a) => a.name === name)?.type !== 'crypto')
      throw new ScenarioError(`${at}.crypto-adapters: "${name}" is not a crypto adapter of ${cpc.name}`);
  }
  config['crypto-domain-configurations'].forEach((domain, j) => {
    if (domain['domain-index'] >= CRYPTO_DOMAIN_COUNT)
      throw new ScenarioError(`${at}.crypto-domain-configurations[${j}].domain-index: at most ${CRYPTO_DOMAIN_COUNT - 1}`);
    if (domain['access-mode'] !== 'control-usage') return;
    const other = cpc.partitions.find(
      (p, k) =>
        k < index &&
        p['crypto-configuration']?.['crypto-domain-configurations'].some(
          (d) => d['domain-index'] === domain['domain-index'] && d['access-mode'] === 'control-usage',
        ) === true &&
        p['crypto-configuration']['crypto-adapters'].some((a) => config['crypto-adapters'].includes(a)),
    );
    if (other !== undefined)
      throw new ScenarioError(`${at}: usage domain ${domain['domain-index']} is already used by "${other.name}" on the same adapter`);
  });
}

export function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new ScenarioError(`duplicate ${what}: ${value}`);
    seen.add(value);
  }
}
