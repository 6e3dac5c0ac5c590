// Paths of the views. Names are HMC names and may hold spaces, quotes, '/', CJK: each becomes
// one encoded path segment (the router decodes it back, '/' included).

export function fleetPath(): string {
  return '/';
}

export function cpcPath(cpc: string): string {
  return `/cpcs/${encodeURIComponent(cpc)}`;
}

export function partitionPath(cpc: string, partition: string): string {
  return `${cpcPath(cpc)}/partitions/${encodeURIComponent(partition)}`;
}

export function adapterPath(cpc: string, adapter: string): string {
  return `${cpcPath(cpc)}/adapters/${encodeURIComponent(adapter)}`;
}

/** A classic CPC's channel, by its `CSS.CHPID` (e.g. `0.4A`). */
export function channelPath(cpc: string, chpid: string): string {
  return `${cpcPath(cpc)}/channels/${encodeURIComponent(chpid)}`;
}

/** A CPC's energy and environment (power, temperatures, humidity, heat load, memory). */
export function energyPath(cpc: string): string {
  return `${cpcPath(cpc)}/energy`;
}
