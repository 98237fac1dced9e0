// The in-memory network between simulated nodes: which links are up, how long a
// message takes and whether it is lost. The client's links are never cut.

import type { NodeId } from '../raft/types';
import type { Prng } from './prng';
import { CLIENT, type Endpoint, type NetworkSnapshot } from './types';

export interface NetworkState {
  isolated: NodeId[];
  cutLinks: string[];
  partition: NodeId[][] | null;
  latency: [number, number];
  dropRate: number;
  duplicateRate: number;
  reorder: boolean;
  /** Without reordering, each link is FIFO: the last delivery time scheduled per "A>B". */
  lastDelivery: Record<string, number>;
}

export function linkKey(from: NodeId, to: NodeId): string {
  return `${from}>${to}`;
}

/** linkKey, remembered: the keys of the few links of a cluster are built once, not per message. */
const linkKeys = new Map<string, Map<string, string>>();

function cachedLinkKey(from: string, to: string): string {
  let byTo = linkKeys.get(from);
  if (byTo === undefined) linkKeys.set(from, (byTo = new Map()));
  let key = byTo.get(to);
  if (key === undefined) byTo.set(to, (key = linkKey(from, to)));
  return key;
}

export class Network {
  constructor(readonly state: NetworkState) {}

  static create(latency: [number, number], dropRate: number, duplicateRate: number, reorder: boolean): Network {
    return new Network({
      isolated: [],
      cutLinks: [],
      partition: null,
      latency: [latency[0], latency[1]],
      dropRate,
      duplicateRate,
      reorder,
      lastDelivery: {},
    });
  }

  /** Is the directed link up right now? Links to and from the client always are. */
  isUp(from: Endpoint, to: Endpoint): boolean {
    if (from === CLIENT || to === CLIENT || from === to) return true;
    const s = this.state;
    if (s.isolated.length > 0 && (s.isolated.includes(from) || s.isolated.includes(to))) return false;
    if (s.cutLinks.length > 0 && s.cutLinks.includes(cachedLinkKey(from, to))) return false;
    if (s.partition) {
      const group = s.partition.find((g) => g.includes(from));
      if (!group || !group.includes(to)) return false;
    }
    return true;
  }

  /** When a message sent now arrives: a random latency, kept FIFO per link unless reordering is on. */
  deliveryTime(now: number, from: Endpoint, to: Endpoint, prng: Prng): number {
    const s = this.state;
    let at = now + prng.between(s.latency[0], s.latency[1]);
    if (!s.reorder) {
      const key = cachedLinkKey(from, to);
      at = Math.max(at, s.lastDelivery[key] ?? 0);
      s.lastDelivery[key] = at;
    }
    return at;
  }

  isolate(node: NodeId): void {
    if (!this.state.isolated.includes(node)) this.state.isolated.push(node);
  }

  restore(node: NodeId): void {
    this.state.isolated = this.state.isolated.filter((n) => n !== node);
    this.state.cutLinks = this.state.cutLinks.filter((k) => !k.startsWith(`${node}>`) && !k.endsWith(`>${node}`));
  }

  cut(from: NodeId, to: NodeId, oneWay: boolean): void {
    for (const key of oneWay ? [linkKey(from, to)] : [linkKey(from, to), linkKey(to, from)]) {
      if (!this.state.cutLinks.includes(key)) this.state.cutLinks.push(key);
    }
  }

  mend(from: NodeId, to: NodeId, oneWay: boolean): void {
    const keys = oneWay ? [linkKey(from, to)] : [linkKey(from, to), linkKey(to, from)];
    this.state.cutLinks = this.state.cutLinks.filter((k) => !keys.includes(k));
  }

  /** Split the cluster into groups; a node named in no group is alone. */
  partition(groups: NodeId[][]): void {
    this.state.partition = groups.map((g) => [...g]);
  }

  /** Undo every isolation, cut link and partition. */
  heal(): void {
    this.state.isolated = [];
    this.state.cutLinks = [];
    this.state.partition = null;
  }

  snapshot(): NetworkSnapshot {
    const s = this.state;
    return {
      isolated: [...s.isolated],
      cutLinks: [...s.cutLinks],
      partition: s.partition ? s.partition.map((g) => [...g]) : null,
      latency: [s.latency[0], s.latency[1]],
      dropRate: s.dropRate,
      duplicateRate: s.duplicateRate,
      reorder: s.reorder,
    };
  }
}
