// The explorer's read check (thesis §6.4): a read answered with a value that misses a write the
// client saw succeed before it sent the read is a stale read, which no linearization explains.
//
// Time stands still during an exploration, so every request is sent and answered at the same
// instant and their times cannot order them. The explorer remembers the order instead: for each
// request it sends, which requests had already succeeded (`AckedBefore`). Requests from before the
// exploration began are ordered by their times, as the linearizability checker orders them.
//
// The check is sound, not complete: it names a read stale only when every write that could have
// given its value (or the initial value) was overwritten, in real-time order, by a write that
// succeeded before the read was sent. Anything subtler is left to the linearizability checker.

import { parseCommand } from '../../raft/kv';
import type { ClientRequestRecord } from '../../sim/types';

/** By request id − 1: the ids of the requests that had succeeded when it was sent; absent for requests sent before the exploration. */
export type AckedBefore = readonly (readonly number[] | undefined)[];

/** What a get of a key that was never written returns (kv.ts). */
const NONE = '(none)';

interface KeyOp {
  readonly record: ClientRequestRecord;
  readonly op: 'set' | 'del';
  readonly value: string;
}

/** The ids of the requests that have succeeded: what a request sent now is known to follow. */
export function succeededIds(requests: readonly ClientRequestRecord[]): number[] {
  const ids: number[] = [];
  for (const r of requests) if (r.status === 'succeeded') ids.push(r.id);
  return ids;
}

/**
 * Why the read `readId` (a `get` that has just succeeded) is stale, or null when it is not.
 * `by`: the node that answered it. `initialKeys`: keys an initial log sets, whose starting value the
 * check cannot know.
 */
export function staleRead(
  requests: readonly ClientRequestRecord[],
  acked: AckedBefore,
  readId: number,
  by: string,
  initialKeys: ReadonlySet<string>,
): string | null {
  const read = requests[readId - 1];
  if (read === undefined || read.status !== 'succeeded' || read.change !== undefined) return null;
  const parsed = parseCommand(read.command);
  if (!parsed.ok || parsed.command.op !== 'get') return null;
  const key = parsed.command.key;
  const value = read.result ?? NONE;

  /** `a` succeeded before `b` was sent. */
  const precedes = (a: ClientRequestRecord, b: ClientRequestRecord): boolean => {
    if (a.status !== 'succeeded') return false;
    const known = acked[b.id - 1];
    if (known !== undefined) return known.includes(a.id);
    return a.answeredAt !== null && a.answeredAt < b.submittedAt;
  };

  const writes: KeyOp[] = [];
  for (const record of requests) {
    if (record.change !== undefined) continue;
    const p = parseCommand(record.command);
    if (!p.ok || p.command.key !== key || p.command.op === 'get') continue;
    writes.push({ record, op: p.command.op, value: p.command.op === 'set' ? p.command.value : NONE });
  }
  const before = writes.filter((w) => precedes(w.record, read));
  if (before.length === 0) return null;
  // The writes that could have left this value: sets of it (or deletes, for "(none)").
  const sources = writes.filter((w) => w.value === value);
  // The initial value, when it is known to be "(none)": it precedes every write.
  const initial = value === NONE && !initialKeys.has(key);
  if (!initial && sources.length === 0) return null; // A value the check cannot place: not judged.
  const overwritten = (s: KeyOp): boolean => before.some((w) => w !== s && precedes(s.record, w.record));
  if (!sources.every(overwritten)) return null;
  // Name the latest write that left another value than the one read.
  const missed = [...before].reverse().find((w) => w.value !== value) ?? before[before.length - 1]!;
  return `"${read.command}" returned ${value} from ${by}, but "${missed.record.command}" had succeeded before the read was sent`;
}
