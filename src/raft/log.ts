// Small helpers over a Raft log whose first entry has index 1, as in the paper.

import type { LogEntry } from './types';

export function lastLogIndex(log: readonly LogEntry[]): number {
  return log.length;
}

/** The term of the entry at `index`, 0 for index 0 (the empty prefix), undefined past the end. */
export function termAt(log: readonly LogEntry[], index: number): number | undefined {
  if (index === 0) return 0;
  return log[index - 1]?.term;
}

export function lastLogTerm(log: readonly LogEntry[]): number {
  return log.length === 0 ? 0 : log[log.length - 1]!.term;
}

/** §5.4.1: is a log ending at (lastTerm, lastIndex) at least as up-to-date as `log`? */
export function isUpToDate(log: readonly LogEntry[], lastTerm: number, lastIndex: number): boolean {
  const myTerm = lastLogTerm(log);
  return lastTerm > myTerm || (lastTerm === myTerm && lastIndex >= lastLogIndex(log));
}

/** The first index holding `term`, searching back from `index` (for the fast-backup hint). */
export function firstIndexOfTerm(log: readonly LogEntry[], term: number, index: number): number {
  let i = index;
  while (i > 1 && termAt(log, i - 1) === term) i--;
  return i;
}

/** The last index holding `term`, or 0 when the log has no entry of that term. */
export function lastIndexOfTerm(log: readonly LogEntry[], term: number): number {
  for (let i = log.length; i >= 1; i--) {
    const t = log[i - 1]!.term;
    if (t === term) return i;
    if (t < term) return 0;
  }
  return 0;
}

export function majority(clusterSize: number): number {
  return Math.floor(clusterSize / 2) + 1;
}

/** How many nodes hold entry `index`: the leader itself plus each peer whose matchIndex reaches it. */
export function replicaCount(
  matchIndex: Readonly<Record<string, number>>,
  peers: readonly string[],
  index: number,
): number {
  let replicas = 1;
  for (const peer of peers) if ((matchIndex[peer] ?? 0) >= index) replicas++;
  return replicas;
}
