// The link fuzzer: share links are untrusted (a teacher posts one on a forum; anyone can craft
// one), so this mutates real links every way a hostile or careless hand could — bit flips,
// truncations, hostile JSON values, pathological timing, far instants, zip bombs, prototype keys,
// deep nesting — and asserts each result is either refused with a message that names the step or
// the field, or plays 5 s of virtual time within an event budget without throwing.

import { deflateSync } from 'fflate';
import { LESSONS } from '../../scenario/lessons';
import { MAX_LISTED_ERRORS } from '../../scenario/bounded-text';
import { decodeLink, encodeLink, fromBase64Url, inflateCapped, toBase64Url } from '../../scenario/url';
import { validateScenario } from '../../scenario/validate';
import { Prng } from '../../sim/prng';
import { Simulation } from '../../sim/simulation';

/** Virtual time an accepted link is played for. */
export const PLAY_MS = 5_000;
/**
 * Queue events an accepted link may take per virtual ms. The worst the bounds allow (9 nodes,
 * a 1 ms heartbeat, identical 10 ms election timers splitting the vote forever with pre-votes, no
 * latency, every message duplicated) makes about 90; a scenario over it would freeze a class's
 * browser.
 */
export const EVENTS_PER_VIRTUAL_MS = 200;
/** The longest refusal message (20 listed problems of bounded length, plus "and N more"). */
export const MAX_MESSAGE_CHARS = (MAX_LISTED_ERRORS + 1) * 200;

export type Mutation =
  | 'bit-flip'
  | 'truncate'
  | 'hostile-value'
  | 'pathological-timing'
  | 'far-instant'
  | 'zip-bomb'
  | 'prototype-key'
  | 'deep-nesting';

export const MUTATIONS: readonly Mutation[] = [
  'bit-flip',
  'truncate',
  'hostile-value',
  'pathological-timing',
  'far-instant',
  'zip-bomb',
  'prototype-key',
  'deep-nesting',
];

export interface FuzzLink {
  readonly mutation: Mutation;
  readonly link: string;
}

export type LinkVerdict =
  | { readonly ok: true; readonly outcome: 'refused' | 'played'; readonly events: number }
  | { readonly ok: false; readonly detail: string };

/** The links mutated from: every lesson of the library, at its first beat. */
export function seedLinks(): string[] {
  return LESSONS.map((lesson) => {
    const result = validateScenario(lesson.scenario);
    if (!result.ok) throw new Error(`lesson ${lesson.id} is not valid`);
    return encodeLink({ scenario: result.scenario, view: { lesson: lesson.id, beat: 0 } });
  });
}

const HOSTILE_VALUES: readonly unknown[] = [
  1e308,
  -1e308,
  5e-324,
  -1,
  0,
  1.5,
  2 ** 53 + 1,
  null,
  true,
  '',
  'A',
  'Z',
  '<img src=x onerror="document.body.dataset.pwned=1">',
  '<script>document.body.dataset.pwned=1</script>',
  'x'.repeat(100_000),
  '\u0000\u202e',
  [],
  {},
  Array.from({ length: 5_000 }, () => ({ at: 0, do: 'kill', node: 'Z' })),
  { __proto__: null, toString: 'x' },
];

const PATHOLOGICAL_TIMINGS: readonly Record<string, unknown>[] = [
  { heartbeatInterval: 1e-9 },
  { heartbeatInterval: 5e-324 },
  { electionTimeout: [1e-6, 2e-6] },
  { clientTimeout: 1e-9 },
  { clientDeadline: 1e-9 },
  { electionTimeout: [1e308, 1e308] },
  { latency: [1e308, 1e308] },
  { heartbeatInterval: 1, electionTimeout: [2, 2], latency: [0, 0] },
  { heartbeatInterval: 1, electionTimeout: [2, 3], latency: [0, 0], clientTimeout: 10 },
  { heartbeatInterval: 86_400_000, electionTimeout: [172_800_000, 172_800_000] },
  // Just under and at the floors: the costliest timing the bounds allow must still play within budget.
  { heartbeatInterval: 1, electionTimeout: [9.99, 9.99], latency: [0, 0] },
  { heartbeatInterval: 1, electionTimeout: [10, 10], latency: [0, 0], clientTimeout: 10, clientDeadline: 10 },
];

/** A small deterministic PRNG stream with the helpers the mutations need. */
class Random {
  private readonly prng: Prng;
  constructor(seed: number) {
    this.prng = new Prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.prng.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.prng.next() < p;
  }
}

function bodyOf(link: string): Record<string, unknown> {
  const bytes = fromBase64Url(link.slice(link.indexOf('.') + 1));
  if (typeof bytes === 'string') throw new Error(bytes);
  const json = inflateCapped(bytes, 1 << 20);
  if (typeof json === 'string') throw new Error(json);
  return JSON.parse(new TextDecoder().decode(json)) as Record<string, unknown>;
}

function linkOfText(json: string): string {
  return `#v1.${toBase64Url(deflateSync(new TextEncoder().encode(json), { level: 9 }))}`;
}

/** Every object and array inside a JSON value, with a way to set one of its slots. */
function slots(root: unknown): { holder: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        out.push({ holder: value, key: i });
        visit(v);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        out.push({ holder: value as Record<string, unknown>, key: k });
        visit(v);
      }
    }
  };
  visit(root);
  return out;
}

function setSlot(slot: { holder: Record<string, unknown> | unknown[]; key: string | number }, value: unknown): void {
  (slot.holder as Record<string | number, unknown>)[slot.key] = value;
}

/** One mutated link, from `seed` links, by `mutation`. */
export function mutate(seeds: readonly string[], mutation: Mutation, random: Random): string {
  const base = random.pick(seeds);
  const body = bodyOf(base);
  const scenario = body.s as Record<string, unknown>;
  switch (mutation) {
    case 'bit-flip': {
      const bytes = fromBase64Url(base.slice(4)) as Uint8Array;
      const flips = 1 + random.int(4);
      for (let i = 0; i < flips; i++) bytes[random.int(bytes.length)]! ^= 1 << random.int(8);
      // Sometimes flip a character of the text instead: the link as a chat app might mangle it.
      if (random.chance(0.3)) {
        const text = base.split('');
        text[4 + random.int(text.length - 4)] = random.pick(['+', '/', '=', '%', ' ', 'é', 'A', '_']);
        return text.join('');
      }
      return `#v1.${toBase64Url(bytes)}`;
    }
    case 'truncate':
      return base.slice(0, random.int(base.length));
    case 'hostile-value': {
      const all = slots(body);
      const count = 1 + random.int(3);
      for (let i = 0; i < count && all.length > 0; i++) setSlot(random.pick(all), random.pick(HOSTILE_VALUES));
      return linkOfText(JSON.stringify(body));
    }
    case 'pathological-timing': {
      scenario.timing = { ...(scenario.timing as object), ...random.pick(PATHOLOGICAL_TIMINGS) };
      if (random.chance(0.5)) scenario.nodes = 9;
      if (random.chance(0.5))
        scenario.network = {
          dropRate: random.pick([0, 0.3, 1]),
          duplicateRate: random.pick([0, 0.3, 1]),
          reorder: random.chance(0.5),
        };
      delete body.lesson;
      delete body.beat;
      return linkOfText(JSON.stringify(body));
    }
    case 'far-instant': {
      const far = random.pick([86_400_000, 86_400_001, 1e12, 1e308, 3_600_000]);
      if (random.chance(0.5)) body.at = far;
      else scenario.actions = [{ at: far, do: 'heal' }];
      return linkOfText(JSON.stringify(body));
    }
    case 'zip-bomb': {
      // Compresses ~1000:1: a link of a few hundred characters inflating to many megabytes.
      const size = random.pick([2, 8, 32]) * 1024 * 1024;
      const filler = random.chance(0.5) ? new Uint8Array(size).fill(0x20) : new Uint8Array(size);
      const head = new TextEncoder().encode(JSON.stringify(body).slice(0, -1) + ',"pad":"');
      const bomb = new Uint8Array(head.length + filler.length);
      bomb.set(head);
      bomb.set(filler, head.length);
      return `#v1.${toBase64Url(deflateSync(bomb, { level: 9 }))}`;
    }
    case 'prototype-key': {
      const key = random.pick(['__proto__', 'constructor', 'prototype']);
      const payload = random.pick(['{"polluted":true}', '{"nodes":1}', 'null', '"x"']);
      const all = slots(body).filter((s) => typeof s.holder === 'object' && !Array.isArray(s.holder));
      const target = all.length > 0 && random.chance(0.7) ? random.pick(all).holder : body;
      // JSON.stringify cannot write an own "__proto__" key from an object literal: splice it into the text.
      const marker = '"__fuzz_marker__":0';
      (target as Record<string, unknown>).__fuzz_marker__ = 0;
      return linkOfText(JSON.stringify(body).replace(marker, `"${key}":${payload}`));
    }
    case 'deep-nesting': {
      const depth = random.pick([40, 1_000, 100_000]);
      const all = slots(body);
      const marker = '"__fuzz_deep__"';
      setSlot(random.pick(all), '__fuzz_deep__');
      return linkOfText(JSON.stringify(body).replace(marker, `${'['.repeat(depth)}"A"${']'.repeat(depth)}`));
    }
  }
}

/** The link a campaign started at `firstSeed` judges at `seed`: to replay one failure alone. */
export function fuzzLinkAt(seed: number, firstSeed = 1): FuzzLink {
  const mutation = MUTATIONS[(((seed - firstSeed) % MUTATIONS.length) + MUTATIONS.length) % MUTATIONS.length]!;
  return { mutation, link: mutate(seedLinks(), mutation, new Random(seed)) };
}

/** `count` mutated links from `firstSeed`, the mutations in turn so every kind is covered. */
export function fuzzLinks(count: number, firstSeed = 1): FuzzLink[] {
  const seeds = seedLinks();
  const out: FuzzLink[] = [];
  for (let i = 0; i < count; i++) {
    const random = new Random(firstSeed + i);
    const mutation = MUTATIONS[i % MUTATIONS.length]!;
    out.push({ mutation, link: mutate(seeds, mutation, random) });
  }
  return out;
}

const REFUSAL_LINE =
  /^(?:[A-Za-z_$(][^\n]{0,160}?: |the link|not a Raft Classroom link|unknown link version|and \d+ more$)/;

/** Refused with a bounded message naming the step or field, or played 5 s within the budget. */
export function judgeLink(link: string): LinkVerdict {
  let decoded: ReturnType<typeof decodeLink>;
  try {
    decoded = decodeLink(link);
  } catch (e) {
    return { ok: false, detail: `decodeLink threw: ${String(e).slice(0, 200)}` };
  }
  if (!decoded.ok) {
    const { error } = decoded;
    if (error.length === 0) return { ok: false, detail: 'refused with an empty message' };
    if (error.length > MAX_MESSAGE_CHARS) return { ok: false, detail: `refusal of ${error.length} characters` };
    const lines = error.split('\n');
    if (lines.length > MAX_LISTED_ERRORS + 1) return { ok: false, detail: `refusal of ${lines.length} lines` };
    const unnamed = lines.find((l) => !REFUSAL_LINE.test(l));
    if (unnamed !== undefined) return { ok: false, detail: `refusal names no field or step: ${unnamed.slice(0, 120)}` };
    return { ok: true, outcome: 'refused', events: 0 };
  }
  const budget = PLAY_MS * EVENTS_PER_VIRTUAL_MS;
  try {
    const sim = new Simulation(decoded.link.scenario, { recordTrace: true });
    // In slices, so a runaway scenario is caught at the budget rather than after it.
    for (let t = 100; t <= PLAY_MS; t += 100) {
      sim.runUntil(t);
      if (sim.stepCount > budget)
        return { ok: false, detail: `over the event budget: ${sim.stepCount} events by ${t} virtual ms` };
    }
    const snapshot = sim.snapshot();
    if (!Number.isFinite(snapshot.time)) return { ok: false, detail: 'the clock is not finite' };
    return { ok: true, outcome: 'played', events: sim.stepCount };
  } catch (e) {
    return { ok: false, detail: `the simulation threw: ${String(e).slice(0, 200)}` };
  }
}

export interface LinkCampaign {
  readonly links: number;
  readonly refused: number;
  readonly played: number;
  readonly events: number;
  readonly byMutation: Readonly<Record<Mutation, { refused: number; played: number }>>;
  readonly failures: readonly {
    readonly seed: number;
    readonly mutation: Mutation;
    readonly link: string;
    readonly detail: string;
  }[];
}

export function runLinkCampaign(count: number, firstSeed = 1, onProgress?: (done: number) => void): LinkCampaign {
  const byMutation = Object.fromEntries(MUTATIONS.map((m) => [m, { refused: 0, played: 0 }])) as Record<
    Mutation,
    { refused: number; played: number }
  >;
  const failures: { seed: number; mutation: Mutation; link: string; detail: string }[] = [];
  let refused = 0;
  let played = 0;
  let events = 0;
  const seeds = seedLinks();
  for (let i = 0; i < count; i++) {
    const seed = firstSeed + i;
    const mutation = MUTATIONS[i % MUTATIONS.length]!;
    const link = mutate(seeds, mutation, new Random(seed));
    const verdict = judgeLink(link);
    if (!verdict.ok)
      failures.push({
        seed,
        mutation,
        link: link.length > 2000 ? `${link.slice(0, 2000)}…` : link,
        detail: verdict.detail,
      });
    else if (verdict.outcome === 'refused') {
      refused++;
      byMutation[mutation].refused++;
    } else {
      played++;
      byMutation[mutation].played++;
      events += verdict.events;
    }
    onProgress?.(i + 1);
  }
  return { links: count, refused, played, events, byMutation, failures };
}
