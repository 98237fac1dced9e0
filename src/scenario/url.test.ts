import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { nodeNames, type ScenarioInput } from './schema';
import { MIN_ELECTION_TIMEOUT } from './bounds';
import { Prng } from '../sim/prng';
import { decodeLink, encodeLink, fromBase64Url, MAX_DECODED_BYTES, MAX_LINK_ACTIONS, toBase64Url } from './url';
import { validateScenario } from './validate';

function valid(input: ScenarioInput) {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

/** A link whose JSON body is written by hand, to reach the checks behind the compression. */
function rawLink(body: unknown): string {
  return `#v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(body))))}`;
}

function errorOf(text: string): string {
  const result = decodeLink(text);
  if (result.ok) throw new Error('expected the link to be refused');
  return result.error;
}

const SAMPLE = valid({
  version: 1,
  seed: 9,
  nodes: 3,
  options: { preVote: true },
  initial: { A: { term: 2, log: [{ term: 1, command: 'set x 1' }] } },
  actions: [
    { at: 900, do: 'restore', node: 'C' },
    { at: 100, do: 'isolate', node: 'C' },
    { at: 500, do: 'cut', from: 'A', to: 'B' },
  ],
});

describe('encodeLink / decodeLink', () => {
  it('carries the scenario, the viewed instant and the view settings', () => {
    const link = encodeLink({
      scenario: SAMPLE,
      at: 1234.5,
      view: { lang: 'en', speed: 0.25, selected: 'B', lesson: 'figure-7', beat: 2 },
    });
    expect(link.startsWith('#v1.')).toBe(true);
    const decoded = decodeLink(`https://class.example/raft/${link}`);
    expect(decoded).toEqual({
      ok: true,
      link: {
        scenario: SAMPLE,
        at: 1234.5,
        view: { lang: 'en', speed: 0.25, selected: 'B', lesson: 'figure-7', beat: 2 },
      },
    });
  });

  it('puts actions in time order and reads a fragment with or without its #', () => {
    const link = encodeLink({ scenario: SAMPLE });
    const decoded = decodeLink(link.slice(1));
    expect(decoded.ok && decoded.link.scenario.actions.map((a) => a.at)).toEqual([100, 500, 900]);
    expect(decoded.ok && decoded.link.at).toBe(0);
    expect(decoded.ok && decoded.link.view).toEqual({ lang: 'ko', speed: 0.01, selected: null });
  });

  it('leaves the language to the reader when the link says so; a link without a language is Korean, as it always was', () => {
    const anyReader = decodeLink(encodeLink({ scenario: SAMPLE, view: { lang: null } }).slice(1));
    expect(anyReader.ok && anyReader.link.view.lang).toBeNull();
    const old = decodeLink(encodeLink({ scenario: SAMPLE }).slice(1));
    expect(old.ok && old.link.view.lang).toBe('ko');
  });

  it('gives equal links for equal situations, whatever defaults were spelled out', () => {
    const spelled = valid({ version: 1, seed: 1, nodes: 5, timing: { electionTimeout: [150, 300] }, actions: [] });
    const bare = valid({ version: 1, nodes: 5 });
    expect(encodeLink({ scenario: spelled })).toBe(encodeLink({ scenario: bare }));
  });

  it('refuses text that is not a link, and links of another version', () => {
    expect(errorOf('hello')).toMatch(/not a Raft Classroom link/);
    expect(errorOf('https://class.example/#')).toMatch(/not a Raft Classroom link/);
    expect(errorOf('#v2.abcd')).toMatch(/unknown link version v2/);
    expect(errorOf('#v1.')).toMatch(/empty/);
  });

  it('says what kind of problem stopped a link, for wording it in another language', () => {
    const kind = (text: string) => {
      const result = decodeLink(text);
      return result.ok ? 'ok' : result.problem;
    };
    expect(kind('hello')).toEqual({ kind: 'not-a-link' });
    expect(kind('#v2.abcd')).toEqual({ kind: 'version', version: 2 });
    expect(kind('#v1.')).toEqual({ kind: 'empty' });
    expect(kind(`#v1.${'A'.repeat(100_001)}`)).toEqual({ kind: 'too-long', length: 100_001 });
    expect(kind('#v1.abc$')).toEqual({ kind: 'damaged' });
    expect(kind(rawLink({ s: { nodes: 12 } }))).toEqual({ kind: 'content' });
  });

  it('refuses malformed or truncated base64 and corrupt compression', () => {
    const link = encodeLink({ scenario: SAMPLE });
    expect(errorOf(`${link.slice(0, 20)}!${link.slice(21)}`)).toMatch(/"!" at position \d+ is not a link character/);
    const payload = link.slice(4);
    const oddLength = payload.slice(0, 4 * Math.floor((payload.length - 1) / 4) + 1);
    expect(errorOf(`#v1.${oddLength}`)).toMatch(/ends part-way through a byte/);
    expect(errorOf(link.slice(0, link.length - 10))).toMatch(/cut off|damaged/);
    expect(errorOf(`#v1.${toBase64Url(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))}`)).toMatch(/corrupt/);
  });

  it('refuses a link that inflates beyond the size cap or holds too many actions', () => {
    const huge = rawLink({ s: { nodes: 3, actions: [] }, pad: 'x'.repeat(MAX_DECODED_BYTES) });
    expect(huge.length).toBeLessThan(2000); // small on the wire: the cap is on the inflated size
    expect(errorOf(huge)).toMatch(/too large/);
    const many = Array.from({ length: MAX_LINK_ACTIONS + 1 }, () => ({ at: 1, do: 'heal' }));
    expect(errorOf(rawLink({ s: { nodes: 3, actions: many } }))).toMatch(/at most 2000/);
  });

  it('refuses content that is not JSON, or not a link body', () => {
    const notJson = `#v1.${toBase64Url(deflateSync(new TextEncoder().encode('{"s":')))}`;
    expect(errorOf(notJson)).toMatch(/not valid JSON/);
    expect(errorOf(rawLink([1, 2]))).toMatch(/no scenario/);
    expect(errorOf(rawLink({ s: { nodes: 3 }, eval: 'alert(1)' }))).toMatch(/unknown field "eval"/);
  });

  it("passes on the scenario validator's messages, naming the field", () => {
    const noF = rawLink({
      s: {
        nodes: 3,
        actions: [
          { at: 1, do: 'heal' },
          { at: 2, do: 'heal' },
          { at: 3, do: 'kill', node: 'F' },
        ],
      },
    });
    expect(errorOf(noF)).toContain('actions[2].node: no node "F" in a 3-node cluster');
    const terms = rawLink({
      s: {
        nodes: 3,
        initial: {
          B: {
            term: 3,
            log: [
              { term: 2, command: 'a' },
              { term: 1, command: 'b' },
            ],
          },
        },
      },
    });
    expect(errorOf(terms)).toContain('initial.B.log[1].term: terms in a log never decrease (1 after 2)');
    const order = rawLink({
      s: {
        nodes: 3,
        actions: [
          { at: 500, do: 'heal' },
          { at: 200, do: 'heal' },
        ],
      },
    });
    expect(errorOf(order)).toContain("actions[1].at: 200 ms is before the previous action's 500 ms");
    expect(errorOf(rawLink({ s: { nodes: 12 } }))).toMatch(/^nodes: /);
  });

  it('refuses impossible view settings', () => {
    const s = { nodes: 3 };
    expect(errorOf(rawLink({ s, sel: 'F' }))).toBe('sel: no node "F" in a 3-node cluster');
    expect(errorOf(rawLink({ s, speed: 0 }))).toMatch(/^speed: /);
    expect(errorOf(rawLink({ s, speed: 'fast' }))).toMatch(/^speed: /);
    expect(errorOf(rawLink({ s, at: -5 }))).toMatch(/^at: /);
    expect(errorOf(rawLink({ s, lang: 'fr' }))).toBe('lang: "fr" is not one of ko, en, any');
    expect(errorOf(rawLink({ s, beat: 1 }))).toBe('beat: a beat needs a lesson');
    expect(errorOf(rawLink({ s, lesson: 'no-such-lesson' }))).toBe('lesson: no lesson "no-such-lesson"');
    expect(errorOf(rawLink({ s, lesson: 'first-election', beat: 99 }))).toMatch(
      /^beat: lesson "first-election" has beats 0 to \d+$/,
    );
  });

  it('carries a home-made lesson whole: its name and captioned pause points, as text', () => {
    const own = {
      name: 'My <b>split</b> vote',
      beats: [
        { at: 1200, caption: { ko: '두 후보', en: 'Two candidates <script>' } },
        { at: 300, caption: { ko: '시작', en: 'Start' } },
      ],
    };
    const decoded = decodeLink(encodeLink({ scenario: SAMPLE, at: 300, view: { own, beat: 1 } }));
    if (!decoded.ok) throw new Error(decoded.error);
    // Pause points come back in time order, the text exactly as written.
    expect(decoded.link.view.own).toEqual({ name: own.name, beats: [own.beats[1], own.beats[0]] });
    expect(decoded.link.view.beat).toBe(1);
    expect(decoded.link.view.lesson).toBeUndefined();
  });

  it('refuses a home-made lesson it cannot read, naming the field', () => {
    const s = { nodes: 3 };
    const beat = { at: 100, caption: { ko: '가', en: 'a' } };
    expect(errorOf(rawLink({ s, own: 'lesson' }))).toBe('own: expected a lesson with a name and pause points');
    expect(errorOf(rawLink({ s, own: { name: 7, beats: [beat] } }))).toBe('own.name: expected text');
    expect(errorOf(rawLink({ s, own: { name: 'x', beats: [{ at: -1, caption: beat.caption }] } }))).toBe(
      'own.beats[0].at: expected a time in ms (0 or more)',
    );
    expect(errorOf(rawLink({ s, own: { name: 'x', beats: [{ at: 5, caption: 'hi' }] } }))).toBe(
      'own.beats[0].caption: expected {"ko": text, "en": text}',
    );
    expect(errorOf(rawLink({ s, own: { name: 'x', beats: [beat], script: 'alert(1)' } }))).toBe(
      'own: unknown field "script"',
    );
    expect(errorOf(rawLink({ s, own: { name: 'x', beats: [beat] }, beat: 1 }))).toBe(
      'beat: the lesson has beats 0 to 0',
    );
    expect(errorOf(rawLink({ s, own: { name: 'x', beats: [beat] }, lesson: 'first-election' }))).toBe(
      'own: a link follows a library lesson or its own, not both',
    );
  });
});

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
});

// ---- Properties -----------------------------------------------------------------

const time = fc.oneof(
  fc.integer({ min: 0, max: 100_000 }),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).filter((t) => !Object.is(t, -0)),
);
const probability = fc.double({ min: 0, max: 1, noNaN: true }).filter((p) => !Object.is(p, -0));
const range = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 })).map(([a, b]) => [a, a + b]);

function actionArb(names: string[]) {
  const node = fc.constantFrom(...names);
  const at = time;
  const single = (name: string) => fc.record({ at, do: fc.constant(name), node });
  const message = (name: string) => fc.record({ at, do: fc.constant(name), message: fc.nat() });
  const kinds: fc.Arbitrary<Record<string, unknown>>[] = [
    single('kill'),
    single('restart'),
    single('isolate'),
    single('restore'),
    single('timeout'),
    fc.record({ at, do: fc.constant('heal') }),
    fc.record(
      { at, do: fc.constant('submit'), command: fc.string({ unit: 'binary', maxLength: 30 }), node },
      { requiredKeys: ['at', 'do', 'command'] },
    ),
    fc.record(
      {
        at,
        do: fc.constant('network'),
        dropRate: probability,
        duplicateRate: probability,
        reorder: fc.boolean(),
        latency: range,
      },
      { requiredKeys: ['at', 'do'] },
    ),
    fc.record(
      {
        at,
        do: fc.constant('setOptions'),
        options: fc.record({ preVote: fc.boolean(), checkQuorum: fc.boolean() }, { requiredKeys: [] }),
        unsafe: fc.record({ commitPreviousTerms: fc.boolean() }, { requiredKeys: [] }),
      },
      { requiredKeys: ['at', 'do'] },
    ),
    message('drop'),
    message('deliver'),
    message('duplicate'),
    fc.record({ at, afterStep: fc.nat(), do: fc.constant('heal') }),
  ];
  if (names.length >= 2) {
    const pair = fc.shuffledSubarray(names, { minLength: 2, maxLength: 2 });
    for (const name of ['cut', 'mend'])
      kinds.push(
        fc
          .record({ at, do: fc.constant(name), pair, oneWay: fc.boolean() })
          .map(({ pair: [from, to], ...rest }) => ({ ...rest, from, to })),
      );
    kinds.push(
      fc
        .record({
          at,
          do: fc.constant('partition'),
          nodes: fc.shuffledSubarray(names, { minLength: 2 }),
          cut: fc.nat(),
        })
        .map(({ nodes, cut, ...rest }) => {
          const k = 1 + (cut % (nodes.length - 1));
          return { ...rest, groups: [nodes.slice(0, k), nodes.slice(k)] };
        }),
    );
  }
  return fc.oneof(...kinds);
}

const logArb = fc
  .array(fc.record({ step: fc.integer({ min: 0, max: 2 }), command: fc.string({ maxLength: 12 }) }), { maxLength: 12 })
  .map((entries) => {
    let term = 1;
    return entries.map(({ step, command }) => ({ term: (term += step), command }));
  });

const scenarioArb = fc.integer({ min: 1, max: 9 }).chain((nodes) => {
  const names = nodeNames(nodes);
  const initialNode = fc
    .record({ extra: fc.nat({ max: 3 }), votedFor: fc.option(fc.constantFrom(...names), { nil: null }), log: logArb })
    .map(({ extra, votedFor, log }) => ({ term: (log.at(-1)?.term ?? 0) + extra, votedFor, log }));
  return fc.record(
    {
      version: fc.constant(1 as const),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      nodes: fc.constant(nodes),
      // Within the bounds: the election timeout's minimum is at least two heartbeats and 10 ms.
      timing: fc
        .record({ heartbeat: fc.integer({ min: 1, max: 200 }), above: range, latency: range })
        .map(({ heartbeat, above: [a, b], latency }) => ({
          heartbeatInterval: heartbeat,
          electionTimeout: [
            Math.max(2 * heartbeat, MIN_ELECTION_TIMEOUT) + a!,
            Math.max(2 * heartbeat, MIN_ELECTION_TIMEOUT) + b!,
          ],
          latency,
        })),
      options: fc.record(
        { preVote: fc.boolean(), fastBackup: fc.boolean(), maxEntriesPerMessage: fc.integer({ min: 1, max: 100 }) },
        { requiredKeys: [] },
      ),
      unsafe: fc.record({ noElectionRestriction: fc.boolean(), forgetOnRestart: fc.boolean() }, { requiredKeys: [] }),
      network: fc.record({ dropRate: probability, reorder: fc.boolean() }, { requiredKeys: [] }),
      initial: fc.dictionary(fc.constantFrom(...names), initialNode, { maxKeys: nodes }),
      actions: fc.array(actionArb(names), { maxLength: 25 }),
    },
    { requiredKeys: ['version', 'nodes'] },
  );
});

describe('link properties', () => {
  it('every valid scenario survives encode → decode identically', () => {
    fc.assert(
      fc.property(scenarioArb, time, (input, at) => {
        const result = validateScenario(input);
        if (!result.ok) throw new Error(`the generator made an invalid scenario: ${result.errors.join('; ')}`);
        const decoded = decodeLink(encodeLink({ scenario: result.scenario, at }));
        expect(decoded).toEqual({
          ok: true,
          link: { scenario: result.scenario, at, view: { lang: 'ko', speed: 0.01, selected: null } },
        });
      }),
      { numRuns: 300 },
    );
  });

  it('any string gives a link or an error message, never an exception', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary' }).map((s) => `#v1.${s}`),
      fc.stringMatching(/^#v1\.[A-Za-z0-9_-]{0,80}$/),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const result = decodeLink(text);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a mutated valid link gives a link or an error message, never an exception', () => {
    const links = fc.sample(scenarioArb, { numRuns: 20, seed: 7 }).map((input) => {
      const r = validateScenario(input);
      return r.ok ? encodeLink({ scenario: r.scenario, at: 10, view: { selected: 'A' } }) : '#v1.';
    });
    const mutation = fc.record({
      link: fc.constantFrom(...links),
      edits: fc.array(
        fc.record({
          kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
          where: fc.nat(),
          char: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.#%!é'),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ link, edits }) => {
        let text = link;
        for (const { kind, where, char } of edits) {
          const i = 4 + (where % Math.max(1, text.length - 4));
          if (kind === 'replace') text = text.slice(0, i) + char + text.slice(i + 1);
          else if (kind === 'insert') text = text.slice(0, i) + char + text.slice(i);
          else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
          else text = text.slice(0, i);
        }
        const result = decodeLink(text);
        expect(typeof (result.ok ? result.link.scenario.nodes : result.error)).toBe(result.ok ? 'number' : 'string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('link fuzzing', () => {
  it('thousands of links with flipped, dropped and added bytes are each read or refused with a message', () => {
    const prng = new Prng(2024);
    const pick = (n: number): number => Math.floor(prng.next() * n);
    const base = encodeLink({ scenario: SAMPLE, at: 300, view: { lang: 'en', selected: 'C' } });
    const bytes = fromBase64Url(base.slice(4));
    if (typeof bytes === 'string') throw new Error(bytes);
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 5000; i++) {
      const mutated = [...bytes];
      for (let k = 1 + pick(3); k > 0; k--) {
        const at = pick(mutated.length);
        const choice = pick(4);
        if (choice === 0) mutated[at] = mutated[at]! ^ (1 << pick(8));
        else if (choice === 1) mutated.splice(at, 1);
        else if (choice === 2) mutated.splice(at, 0, pick(256));
        else mutated.length = at;
      }
      const result = decodeLink(`#v1.${toBase64Url(Uint8Array.from(mutated))}`);
      if (result.ok) outcomes.read++;
      else {
        expect(result.error).toMatch(/\S/);
        outcomes.refused++;
      }
    }
    // Most damage must be caught; the count shows the fuzzing reached past the first check.
    expect(outcomes.read + outcomes.refused).toBe(5000);
    expect(outcomes.refused).toBeGreaterThan(2500);
  });
});
