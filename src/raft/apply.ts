// Figure 2, rules for all servers: "if commitIndex > lastApplied: increment lastApplied, apply
// log[lastApplied] to state machine". One step of that rule, and the event that tells it.

import { applyEntry } from './kv';
import type { LogEntry, RaftEvent, RaftState } from './types';

/** Applies the entry after lastApplied and says so; `retry` marks a request already applied (thesis §6.3). */
export function applyNext(s: RaftState): {
  readonly entry: LogEntry;
  readonly result: string;
  readonly event: RaftEvent;
} {
  s.lastApplied += 1;
  const entry = s.log.entry(s.lastApplied)!;
  const { result, retry } = applyEntry(s.kv, entry);
  const event: RaftEvent = retry
    ? { type: 'entryApplied', index: s.lastApplied, entry, result, retry: true }
    : { type: 'entryApplied', index: s.lastApplied, entry, result };
  return { entry, result, event };
}
