// Telling two checker histories apart without writing them out, for interning them (lean-cluster.ts).
//
// Interning by text wrote every history the checker produced (tens of thousands per exploration,
// most of them met before, and about four in ten the very history observed from) and sorted its
// maps: a good part of the explorer's garbage. Here equality is read field by field, and the hash
// that picks a bucket is built the same way, with nothing allocated.
//
// Sound for interning: histories found equal here always have the same text (checker-key.ts, names
// kept), so one object may stand for both. Maps are compared as maps (key order carries nothing),
// arrays position by position, a hole the same as undefined, as the text writes them.

import type { CheckerState } from '../../sim/checker';

function sameNumbers(a: readonly (number | undefined)[], b: readonly (number | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

function sameRecord<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  same: (x: T, y: T) => boolean,
): boolean {
  for (const key in a) if (!Object.hasOwn(b, key) || !same(a[key]!, b[key]!)) return false;
  for (const key in b) if (!Object.hasOwn(a, key)) return false;
  return true;
}

const identical = <T>(x: T, y: T) => x === y;

export function sameCheckerState(a: Readonly<CheckerState>, b: Readonly<CheckerState>): boolean {
  if (a === b) return true;
  return (
    sameNumbers(a.prefixTerm, b.prefixTerm) &&
    sameNumbers(a.prefixHash, b.prefixHash) &&
    sameNumbers(a.committedPrefix, b.committedPrefix) &&
    sameNumbers(a.committedTerm, b.committedTerm) &&
    sameNumbers(a.appliedEntry, b.appliedEntry) &&
    sameRecord(a.prefixHashes, b.prefixHashes, sameNumbers) &&
    sameRecord(a.leaderOfTerm, b.leaderOfTerm, identical) &&
    sameRecord(a.prefixOther, b.prefixOther, identical) &&
    sameRecord(a.votes, b.votes, identical) &&
    sameRecord(a.commitIndex, b.commitIndex, identical) &&
    sameRecord(a.role, b.role, identical)
  );
}

function mix(h: number, x: number): number {
  const m = Math.imul(h ^ x, 0x9e3779b1);
  return m ^ (m >>> 15);
}

function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/** A number's hash: equal numbers (0 and -0 too) hash alike; it need not tell all numbers apart. */
const hashNumber = (x: number | undefined) => (x === undefined ? 0x5bd1e995 : (x | 0) ^ ((x / 0x100000000) | 0));

function hashNumbers(h: number, values: readonly (number | undefined)[]): number {
  h = mix(h, values.length);
  for (let i = 0; i < values.length; i++) h = mix(h, hashNumber(values[i]));
  return h;
}

/** Entries are summed: the same map hashes alike whatever order its keys were added in. */
function hashRecord<T>(h: number, record: Readonly<Record<string, T>>, value: (x: T) => number): number {
  let sum = 0;
  for (const key in record) sum = (sum + mix(hashText(0x811c9dc5, key), value(record[key]!))) | 0;
  return mix(h, sum);
}

const hashValue = (x: string | number) => (typeof x === 'number' ? hashNumber(x) : hashText(0x811c9dc5, x));

/** A hash that agrees with sameCheckerState: equal histories always hash alike. */
export function checkerStateHash(s: Readonly<CheckerState>): number {
  let h = 0x2545f491;
  h = hashNumbers(h, s.prefixTerm);
  h = hashNumbers(h, s.prefixHash);
  h = hashNumbers(h, s.committedPrefix);
  h = hashNumbers(h, s.committedTerm);
  h = hashNumbers(h, s.appliedEntry);
  h = hashRecord(h, s.prefixHashes, (values) => hashNumbers(0, values));
  h = hashRecord(h, s.leaderOfTerm, hashValue);
  h = hashRecord(h, s.prefixOther, hashValue);
  h = hashRecord(h, s.votes, hashValue);
  h = hashRecord(h, s.commitIndex, hashValue);
  h = hashRecord(h, s.role, hashValue);
  return h;
}
