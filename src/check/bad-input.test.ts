// validateScenario reads files and links from anywhere: whatever it is given, it must
// answer with a scenario or with messages, and never throw.

import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate';
import { Prng } from '../sim/prng';

const VALID = {
  version: 1,
  seed: 3,
  nodes: 5,
  timing: { electionTimeout: [150, 300], heartbeatInterval: 50, latency: [10, 20] },
  options: { preVote: true, maxEntriesPerMessage: 5 },
  unsafe: { commitPreviousTerms: false },
  network: { dropRate: 0.1, reorder: true },
  initial: { A: { term: 2, votedFor: 'A', log: [{ term: 1, command: 'set x 1' }] } },
  actions: [
    { at: 100, do: 'kill', node: 'A' },
    {
      at: 200,
      do: 'partition',
      groups: [
        ['A', 'B'],
        ['C', 'D', 'E'],
      ],
    },
    { at: 300, do: 'cut', from: 'B', to: 'C', oneWay: true },
    { at: 400, do: 'network', dropRate: 0.2, latency: [5, 50] },
    { at: 500, do: 'submit', command: 'set y 2', node: 'B' },
    { at: 600, do: 'setOptions', options: { checkQuorum: true }, unsafe: { forgetOnRestart: true } },
    { at: 700, do: 'drop', message: 4 },
  ],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values chosen to hit edges: wrong types, huge, negative, NaN-ish, prototype keys. */
const ODD_VALUES: unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1.5,
  1e308,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53,
  '',
  'A',
  'J',
  'kill',
  '__proto__',
  'x'.repeat(5000),
  [],
  [[]],
  {},
  { __proto__: { nodes: 3 } },
  Object.create(null) as unknown,
  [1, 2, 3],
  { at: 1 },
];

function randomJson(prng: Prng, depth: number): Json {
  const r = prng.next();
  if (depth <= 0 || r < 0.3) {
    const leaf = prng.next();
    if (leaf < 0.2) return null;
    if (leaf < 0.4) return prng.chance(0.5);
    if (leaf < 0.7) return Math.round((prng.next() - 0.3) * 10 ** Math.floor(prng.next() * 8));
    return ['A', 'B', 'Z', 'set x 1', 'do', 'heal', '', 'nodes', 'version'][Math.floor(prng.next() * 9)]!;
  }
  if (r < 0.6) return Array.from({ length: Math.floor(prng.next() * 4) }, () => randomJson(prng, depth - 1));
  const keys = ['version', 'nodes', 'seed', 'actions', 'at', 'do', 'node', 'groups', 'timing', 'initial', 'log', 'x'];
  const out: { [key: string]: Json } = {};
  for (let i = Math.floor(prng.next() * 5); i > 0; i--) {
    out[keys[Math.floor(prng.next() * keys.length)]!] = randomJson(prng, depth - 1);
  }
  return out;
}

/** Replace one value somewhere inside a JSON-like value (a fresh copy is returned). */
function mutate(value: unknown, prng: Prng): unknown {
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    const r = prng.next();
    if (copy.length === 0 || r < 0.2) copy.push(pickOdd(prng));
    else if (r < 0.36) copy.splice(Math.floor(prng.next() * copy.length), 1);
    else {
      const i = Math.floor(prng.next() * copy.length);
      copy[i] = prng.chance(0.3) ? pickOdd(prng) : mutate(copy[i], prng);
    }
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const r = prng.next();
    if (keys.length === 0 || r < 0.15)
      copy[['extra', 'nodes', 'at', 'do'][Math.floor(prng.next() * 4)]!] = pickOdd(prng);
    else if (r < 0.28) Reflect.deleteProperty(copy, keys[Math.floor(prng.next() * keys.length)]!);
    else {
      const k = keys[Math.floor(prng.next() * keys.length)]!;
      copy[k] = prng.chance(0.3) ? pickOdd(prng) : mutate(copy[k], prng);
    }
    return copy;
  }
  return pickOdd(prng);
}

function pickOdd(prng: Prng): unknown {
  return ODD_VALUES[Math.floor(prng.next() * ODD_VALUES.length)];
}

/** Asserts a well-formed answer; returns whether the input was accepted. */
function expectAnswer(input: unknown): boolean {
  let result: ReturnType<typeof validateScenario>;
  try {
    result = validateScenario(input);
  } catch (e) {
    throw new Error(`validateScenario threw on ${safeString(input)}: ${String(e)}`);
  }
  if (result.ok) {
    expect(result.scenario.version).toBe(1);
    expect(result.scenario.nodes).toBeGreaterThanOrEqual(1);
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const message of result.errors) expect(typeof message === 'string' && message.length > 0).toBe(true);
  }
  return result.ok;
}

function safeString(input: unknown): string {
  try {
    return JSON.stringify(input)?.slice(0, 300) ?? String(input);
  } catch {
    return String(input);
  }
}

describe('validateScenario on bad input', () => {
  it('accepts the unmutated sample, so the mutations start from something valid', () => {
    expect(validateScenario(VALID).ok).toBe(true);
  });

  it('answers every one of thousands of mutated scenarios without throwing', () => {
    const prng = new Prng(2024);
    let rejected = 0;
    for (let i = 0; i < 2500; i++) {
      let input: unknown = VALID;
      for (let k = 1 + Math.floor(prng.next() * 4); k > 0; k--) input = mutate(input, prng);
      if (!expectAnswer(input)) rejected++;
    }
    // Both outcomes occur, so the mutations are neither all harmless nor all fatal.
    expect(rejected).toBeGreaterThan(100);
    expect(rejected).toBeLessThan(2500);
  }, 60_000);

  it('answers random JSON and odd values without throwing', () => {
    const prng = new Prng(77);
    for (let i = 0; i < 3000; i++) expectAnswer(randomJson(prng, 4));
    for (const odd of ODD_VALUES) expectAnswer(odd);
  }, 60_000);

  it('answers strings of random bytes parsed as JSON where they parse', () => {
    const prng = new Prng(5);
    const text = JSON.stringify(VALID);
    for (let i = 0; i < 2000; i++) {
      const chars = [...text];
      for (let k = 1 + Math.floor(prng.next() * 3); k > 0; k--) {
        chars[Math.floor(prng.next() * chars.length)] = String.fromCharCode(32 + Math.floor(prng.next() * 95));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(chars.join(''));
      } catch {
        continue;
      }
      expectAnswer(parsed);
    }
  }, 60_000);
});
