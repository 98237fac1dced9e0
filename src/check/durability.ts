// Durability: a write the client was told succeeded must stay in the committed log
// (§5.4 and Figure 3 promise that a committed entry is never lost, and §8 that a
// leader answers only once the command is committed). Reads are not writes: a `get`
// served by ReadIndex (thesis §6.4) never enters the log, so it is not looked for.

import { parseCommand } from '../raft/kv';
import type { LogEntry, NodeId } from '../raft/types';

/** A request the client was told succeeded. */
export interface AcknowledgedRequest {
  readonly id: number;
  readonly command: string;
}

/** What durability needs of a node: is it up, and what has it committed. */
export interface CommittedLog {
  readonly id: NodeId;
  readonly alive: boolean;
  /** The entries after the snapshot, if any: log[0] has index (snapshot?.index ?? 0) + 1. */
  readonly log: readonly LogEntry[];
  readonly commitIndex: number;
  /** §7: the prefix a snapshot replaced, and the client requests its dedup table remembers as applied. */
  readonly snapshot?: { readonly index: number; readonly requestIds: readonly number[] } | null;
}

export interface LostWrite {
  readonly request: AcknowledgedRequest;
  /** A live node whose committed log lacks it. */
  readonly node: NodeId;
}

/** Is the command a write (set or del)? A command the store refuses changes nothing either. */
export function isWrite(command: string): boolean {
  const parsed = parseCommand(command);
  return parsed.ok && parsed.command.op !== 'get';
}

/**
 * The acknowledged writes missing from the committed log of some live node, one per
 * request (the first such node), in the order given. An entry counts when it carries
 * the request's id and command (a retry's copy is the same write).
 */
export function lostWrites(acknowledged: Iterable<AcknowledgedRequest>, nodes: readonly CommittedLog[]): LostWrite[] {
  const live = nodes.filter((n) => n.alive);
  const committed = live.map((n) => {
    const held = new Map<number, string[]>();
    const base = n.snapshot?.index ?? 0;
    for (let i = 0; base + i < n.commitIndex && i < n.log.length; i++) {
      const e = n.log[i]!;
      if (e.requestId !== undefined) held.set(e.requestId, [...(held.get(e.requestId) ?? []), e.command]);
    }
    return { held, inSnapshot: new Set(n.snapshot?.requestIds ?? []) };
  });
  const lost: LostWrite[] = [];
  for (const request of acknowledged) {
    if (!isWrite(request.command)) continue;
    // A write compacted into a snapshot is found in the snapshot's dedup table (applied, so committed).
    const missing = live.findIndex((_, i) => {
      const { held, inSnapshot } = committed[i]!;
      return !inSnapshot.has(request.id) && !(held.get(request.id) ?? []).includes(request.command);
    });
    if (missing >= 0) lost.push({ request, node: live[missing]!.id });
  }
  return lost;
}

/** One sentence for a report: which writes are lost, and from whom. */
export function describeLostWrites(lost: readonly LostWrite[]): string {
  const shown = lost
    .slice(0, 5)
    .map((l) => `#${l.request.id} "${l.request.command}" (missing on ${l.node})`)
    .join(', ');
  const more = lost.length > 5 ? ` and ${lost.length - 5} more` : '';
  return `acknowledged write(s) ${shown}${more} not in the committed log`;
}
