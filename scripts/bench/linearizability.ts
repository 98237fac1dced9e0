// The linearizability checker on a client history of 1,000 operations from 10 concurrent
// clients (`npm run bench`). The history is made from a register model: each operation takes
// effect at an instant inside its interval, so a linearization exists and the search has to
// find it among the overlapping intervals. Undecided (the search gave up) is reported as such.

import { checkLinearizability, type Operation } from '../../src/check/linearizability';
import { Prng } from '../../src/sim/prng';

export interface LinearizabilityFigures {
  readonly operations: number;
  readonly clients: number;
  readonly ms: number;
  readonly verdict: 'linearizable' | 'not linearizable' | 'undecided';
}

/** 10 clients, each sending its next command as soon as the last is answered, on two keys. */
export function makeHistory(operations: number, clients: number, seed = 17): Operation[] {
  const prng = new Prng(seed);
  const keys = ['x', 'y'];
  const pending: {
    op: Omit<Operation, 'result'>;
    at: number;
    kind: 'set' | 'get' | 'del';
    key: string;
    value: string;
  }[] = [];
  const free = Array.from({ length: clients }, () => prng.between(0, 5));
  for (let id = 1; id <= operations; id++) {
    const c = id % clients;
    const call = free[c]!;
    const ret = call + prng.between(1, 40);
    const at = call + prng.next() * (ret - call);
    free[c] = ret + prng.between(0, 5);
    const key = keys[Math.floor(prng.next() * keys.length)]!;
    const r = prng.next();
    const kind = r < 0.45 ? 'set' : r < 0.9 ? 'get' : 'del';
    const value = `v${id}`;
    const command = kind === 'set' ? `set ${key} ${value}` : `${kind} ${key}`;
    pending.push({ op: { id, command, call, ret }, at, kind, key, value });
  }
  // Apply in the order of the instants at which they take effect: that order gives each answer.
  const store = new Map<string, string>();
  const results = new Map<number, string>();
  for (const p of [...pending].sort((a, b) => a.at - b.at)) {
    if (p.kind === 'set') store.set(p.key, p.value);
    if (p.kind === 'del') store.delete(p.key);
    results.set(p.op.id, p.kind === 'set' ? p.value : p.kind === 'del' ? 'deleted' : (store.get(p.key) ?? '(none)'));
  }
  return pending.map((p) => ({ ...p.op, result: results.get(p.op.id)! }));
}

export function measureLinearizability(): LinearizabilityFigures {
  const operations = 1000;
  const clients = 10;
  const history = makeHistory(operations, clients);
  checkLinearizability(makeHistory(100, clients, 3)); // Warm the JIT on a small one.
  const start = performance.now();
  const result = checkLinearizability(history);
  const ms = performance.now() - start;
  const verdict = result.ok === true ? 'linearizable' : result.ok === false ? 'not linearizable' : 'undecided';
  return { operations, clients, ms, verdict };
}
