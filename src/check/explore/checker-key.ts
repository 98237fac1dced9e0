// The checker's history written out for the explorer's key, quickly: the same information as its
// canonical text (state-key.ts checkerText), so the two tell exactly the same histories apart, but
// written field by field instead of by a generic walk (that walk was a tenth of an exploration).
//
// Node names are renamed, and what is keyed by node is listed in the order of the new names, so a
// history and its renamed copy are written the same way (symmetry reduction relies on it).

import type { CheckerState } from '../../sim/checker';
import type { Rename } from './state-key';

function numbers(values: readonly (number | undefined)[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += `${values[i] ?? '_'},`;
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A record keyed by node name, renamed, in the order of the new names. */
function perNode<T>(record: Readonly<Record<string, T>>, rename: Rename, write: (value: T) => string): string {
  const items: string[] = [];
  for (const node in record) items.push(`${rename(node) ?? node}=${write(record[node]!)}`);
  return items.sort(byText).join(';');
}

export function checkerKeyText(s: Readonly<CheckerState>, rename: Rename): string {
  const name = (node: string) => rename(node) ?? node;
  const leaders: string[] = [];
  for (const term in s.leaderOfTerm) leaders.push(`${term}=${name(s.leaderOfTerm[term]!)}`);
  const others: string[] = [];
  for (const key in s.prefixOther) others.push(`${key}=${s.prefixOther[key]}`);
  const votes: string[] = [];
  for (const key in s.votes) {
    const cut = key.lastIndexOf(':');
    votes.push(`${name(key.slice(0, cut))}:${key.slice(cut + 1)}=${name(s.votes[key]!)}`);
  }
  return [
    perNode(s.prefixHashes, rename, numbers),
    leaders.sort(byText).join(';'),
    numbers(s.prefixTerm),
    numbers(s.prefixHash),
    others.sort(byText).join(';'),
    numbers(s.committedPrefix),
    numbers(s.committedTerm),
    numbers(s.appliedEntry),
    votes.sort(byText).join(';'),
    perNode(s.commitIndex, rename, String),
    perNode(s.role, rename, String),
  ].join('|');
}
