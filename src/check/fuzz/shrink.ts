// Shrinks a failing case to a small one that fails the same way: fewer nodes,
// fewer actions (delta debugging: drop halves, then quarters, … then single
// actions), default options, a shorter fault phase. Each candidate is replayed
// from scratch, so every step is kept only if it still shows the bug.

import type { NodeId } from '../../raft/types';
import { nodeNames, type Action } from '../../scenario/schema';
import type { FuzzCase } from './generate';
import { runCase, sameFailure, type FuzzFailure } from './run';

export interface ShrinkResult {
  readonly case: FuzzCase;
  readonly failure: FuzzFailure;
  /** How many candidate cases were replayed. */
  readonly tries: number;
}

/** Replays stop after this many simulated events in all (a message storm can cost seconds a replay). */
const MAX_EVENTS = 5_000_000;

export function shrinkCase(start: FuzzCase, failure: FuzzFailure, maxTries = 400): ShrinkResult {
  let best = start;
  let bestFailure = failure;
  let tries = 0;
  let events = 0;
  const attempt = (candidate: FuzzCase): boolean => {
    if (tries >= maxTries || events >= MAX_EVENTS) return false;
    tries++;
    const outcome = runCase(candidate);
    events += outcome.events;
    const f = outcome.failure;
    if (f === null || !sameFailure(f, failure)) return false;
    best = candidate;
    bestFailure = f;
    return true;
  };

  // Fewer nodes first: every later replay is cheaper.
  for (let n = 1; n < best.nodes; n++) if (attempt(withNodes(best, n))) break;

  // Delta debugging over the fault actions.
  for (let chunk = Math.ceil(best.faults.length / 2); chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
    for (let from = 0; from < best.faults.length;) {
      const faults = [...best.faults.slice(0, from), ...best.faults.slice(from + chunk)];
      if (!attempt({ ...best, faults })) from += chunk;
    }
  }

  // Plainer settings, one at a time.
  const plain = { preVote: false, checkQuorum: false, leaderNoop: false, fastBackup: false, maxEntriesPerMessage: 10 };
  for (const key of Object.keys(plain) as (keyof typeof plain)[]) {
    if (best.options[key] !== plain[key]) attempt({ ...best, options: { ...best.options, [key]: plain[key] } });
  }
  const lastAt = best.faults.reduce((m, a) => Math.max(m, a.at), 0);
  const shorter = Math.ceil((lastAt + 500) / 100) * 100;
  if (shorter < best.faultEnd) attempt({ ...best, faultEnd: shorter });

  return { case: best, failure: bestFailure, tries };
}

/** The case on the first `n` nodes: actions on the others are dropped, partitions trimmed. */
export function withNodes(c: FuzzCase, n: number): FuzzCase {
  const kept = new Set<NodeId>(nodeNames(n));
  const faults: Action[] = [];
  for (const a of c.faults) {
    if ('node' in a && a.node !== undefined && !kept.has(a.node)) continue;
    if ((a.do === 'cut' || a.do === 'mend') && (!kept.has(a.from) || !kept.has(a.to))) continue;
    if (a.do === 'partition') {
      const groups = a.groups.map((g) => g.filter((id) => kept.has(id))).filter((g) => g.length > 0);
      if (groups.length >= 2) faults.push({ ...a, groups });
      continue;
    }
    faults.push(a);
  }
  return { ...c, nodes: n, faults };
}
