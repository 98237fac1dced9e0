// Shareable links: the whole situation — the scenario, the instant being viewed and
// the view settings — packed into a URL fragment, `#v1.<base64url(deflateRaw(json))>`.
//
// A link is untrusted input from anywhere, so decoding never throws and never
// evaluates anything: every step (prefix, base64url, inflate with a size cap,
// UTF-8, JSON, shape, scenario meaning) fails with a message that says which step
// and, for the scenario, which field.

import { DEFAULT_SPEED, MAX_SPEED, MIN_SPEED } from './playback';
import { deflateSync, Inflate } from 'fflate';
import { MAX_DEPTH, MAX_TIME } from './bounds';
import { capErrors, cut, echo, echoKeys, tooDeep } from './bounded-text';
import type { NodeId } from '../raft/types';
import { findLesson } from './lessons';
import { LANGS, LESSON_ID, type Lang } from './narration';
import { isRecord } from './is-record';
import { readCaptionBeats, readLessonName, type OwnLesson } from './own-lesson';
import { nodeNames, scenarioSchema, type Action, type Scenario, type ScenarioInput } from './schema';
import { validateScenario } from './validate';

export const LINK_VERSION = 1;
const PREFIX = `v${LINK_VERSION}.`;
/** Longest encoded payload read: inflating a larger one would cost time for nothing a class shares. */
export const MAX_LINK_CHARS = 100_000;
/** Largest JSON a link may inflate to: a guard against a small link that expands enormously. */
export const MAX_DECODED_BYTES = 1024 * 1024;
export const MAX_LINK_ACTIONS = 2_000;
/** Latest viewed instant a link may name: one virtual day, as every time of a scenario. */
export const MAX_AT = MAX_TIME;
export const SPEED_RANGE: readonly [number, number] = [MIN_SPEED, MAX_SPEED];

export interface ViewSettings {
  /** The language to show; null: the reader's own (a link printed for anyone, e.g. by `sim lessons`). */
  readonly lang: Lang | null;
  /** Virtual ms per wall ms. */
  readonly speed: number;
  /** The node shown in the side panel, if any. */
  readonly selected: NodeId | null;
  /** The library lesson being followed, and the beat it is at. */
  readonly lesson?: string;
  /** Or a home-made lesson, carried whole (its name and captioned pause points). */
  readonly own?: OwnLesson;
  readonly beat?: number;
}

/** A link's `lang` that leaves the language to the reader (a link without `lang` is Korean, as links always were). */
const READERS_LANG = 'any';

export const DEFAULT_VIEW: ViewSettings = { lang: 'ko', speed: DEFAULT_SPEED, selected: null };

export interface ShareLink {
  readonly scenario: Scenario;
  /** The viewed instant, in virtual ms. */
  readonly at: number;
  readonly view: ViewSettings;
}

/** Why a link could not be read, as data, so the app can say it in the reader's language. */
export type LinkProblem =
  | { readonly kind: 'not-a-link' }
  | { readonly kind: 'version'; readonly version: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly length: number }
  | { readonly kind: 'damaged' }
  | { readonly kind: 'too-large' }
  /** The scenario or the view settings: `error` names each field that is wrong. */
  | { readonly kind: 'content' };

export type DecodeResult =
  | { readonly ok: true; readonly link: ShareLink }
  | { readonly ok: false; readonly error: string; readonly problem: LinkProblem };

// ---- Encoding ------------------------------------------------------------------

/**
 * The fragment (with its `#`) for a link. The scenario is written without its
 * defaults and with its actions in time order, so equal situations give equal links.
 */
export function encodeLink(link: {
  readonly scenario: Scenario;
  readonly at?: number;
  readonly view?: Partial<ViewSettings>;
}): string {
  const view = { ...DEFAULT_VIEW, ...link.view };
  const body: Record<string, unknown> = { s: compactScenario(link.scenario) };
  if (link.at !== undefined && link.at !== 0) body.at = link.at;
  if (view.lang === null) body.lang = READERS_LANG;
  else if (view.lang !== DEFAULT_VIEW.lang) body.lang = view.lang;
  if (view.speed !== DEFAULT_VIEW.speed) body.speed = view.speed;
  if (view.selected !== null) body.sel = view.selected;
  if (view.lesson !== undefined) body.lesson = view.lesson;
  if (view.own !== undefined) body.own = { name: view.own.name, beats: view.own.beats };
  if (view.beat !== undefined) body.beat = view.beat;
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  return `#${PREFIX}${toBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

export type EncodeResult =
  { readonly ok: true; readonly fragment: string } | { readonly ok: false; readonly error: string };

/**
 * encodeLink, refused when the decoder would refuse the result (too many actions, an instant past a
 * day, too long, too large once inflated): what the app writes, it can read. The check is the
 * decoder itself, so the two sets of limits cannot differ.
 */
export function encodeCheckedLink(link: Parameters<typeof encodeLink>[0]): EncodeResult {
  const fragment = encodeLink(link);
  const decoded = decodeLink(fragment);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  return { ok: true, fragment };
}

const DEFAULTS: Scenario = scenarioSchema.parse({ version: 1, nodes: 1 });

/** A scenario as a file or a link writes it: defaults left out, actions in time order. */
export function compactScenario(s: Scenario): ScenarioInput {
  const out: Record<string, unknown> = { version: s.version };
  if (s.seed !== DEFAULTS.seed) out.seed = s.seed;
  out.nodes = s.nodes;
  if (s.members !== undefined) out.members = s.members;
  for (const group of ['timing', 'options', 'unsafe', 'network'] as const) {
    const changed = changedFields(s[group], DEFAULTS[group]);
    if (changed) out[group] = changed;
  }
  if (Object.keys(s.initial).length > 0) {
    const initial: Record<string, Record<string, unknown>> = {};
    for (const [id, node] of Object.entries(s.initial)) {
      // A node listed with nothing but defaults stays listed, so decoding gives back the same value.
      const entry: Record<string, unknown> = {};
      if (node.term !== 0) entry.term = node.term;
      if (node.votedFor !== null) entry.votedFor = node.votedFor;
      if (node.snapshot) entry.snapshot = { ...node.snapshot, state: { ...node.snapshot.state } };
      if (node.log.length > 0)
        entry.log = node.log.map((e) =>
          'config' in e ? { term: e.term, config: e.config } : { term: e.term, command: e.command },
        );
      initial[id] = entry;
    }
    out.initial = initial;
  }
  if (s.actions.length > 0) out.actions = inTimeOrder(s.actions).map(compactAction);
  return out as ScenarioInput;
}

function changedFields<T extends object>(value: T, defaults: T): Partial<T> | undefined {
  const out: Partial<T> = {};
  let any = false;
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (JSON.stringify(value[key]) !== JSON.stringify(defaults[key])) {
      out[key] = value[key];
      any = true;
    }
  }
  return any ? out : undefined;
}

function compactAction(action: Action): Record<string, unknown> {
  const out: Record<string, unknown> = { ...action };
  if ((action.do === 'cut' || action.do === 'mend') && !action.oneWay) delete out.oneWay;
  return out;
}

/** Stable: actions at the same instant keep the order they were given in. */
function inTimeOrder(actions: readonly Action[]): Action[] {
  return actions
    .map((a, i) => [a, i] as const)
    .sort((x, y) => x[0].at - y[0].at || x[1] - y[1])
    .map(([a]) => a);
}

// ---- Decoding ------------------------------------------------------------------

/** Reads a whole URL, a fragment (`#v1.…`) or the bare payload (`v1.…`). Never throws. */
export function decodeLink(input: string): DecodeResult {
  try {
    return decode(input);
  } catch (e) {
    // Every step below reports its own failures; this is the last line of defence for a link.
    return fail(`the link could not be read (${cut(e instanceof Error ? e.message : 'unknown error')})`, DAMAGED);
  }
}

const DAMAGED: LinkProblem = { kind: 'damaged' };
const CONTENT: LinkProblem = { kind: 'content' };

function fail(error: string, problem: LinkProblem = CONTENT): DecodeResult {
  return { ok: false, error, problem };
}

function decode(input: string): DecodeResult {
  if (typeof input !== 'string') return fail('a link is text', { kind: 'not-a-link' });
  const text = input.trim();
  const hash = text.indexOf('#');
  const fragment = hash >= 0 ? text.slice(hash + 1) : text;
  const version = /^v(\d{1,6})\./.exec(fragment);
  if (!version)
    return fail('not a Raft Classroom link: it should end in "#v1." followed by the encoded scenario', {
      kind: 'not-a-link',
    });
  if (Number(version[1]) !== LINK_VERSION)
    return fail(`unknown link version v${version[1]}: this app reads v${LINK_VERSION} links`, {
      kind: 'version',
      version: Number(version[1]),
    });
  const payload = fragment.slice(version[0].length);
  if (payload.length === 0) return fail('the link is empty after "#v1.": it was probably cut off', { kind: 'empty' });
  if (payload.length > MAX_LINK_CHARS)
    return fail(`the link is too long (${payload.length} characters; at most ${MAX_LINK_CHARS})`, {
      kind: 'too-long',
      length: payload.length,
    });

  const compressed = fromBase64Url(payload);
  if (typeof compressed === 'string') return fail(compressed, DAMAGED);

  const bytes = inflateCapped(compressed, MAX_DECODED_BYTES);
  if (bytes === 'damaged') return fail('the link is damaged: its compressed data is corrupt or cut off', DAMAGED);
  if (bytes === 'too-large')
    return fail(`the link's scenario is too large (more than ${MAX_DECODED_BYTES / 1024} KB)`, { kind: 'too-large' });

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('the link is damaged: its content is not valid JSON text', DAMAGED);
  }
  const deep = tooDeep(json, MAX_DEPTH);
  if (deep !== undefined) return fail(`${cut(deep, 60)}: nested too deeply (at most ${MAX_DEPTH} levels)`);
  return readBody(json);
}

/** Deflate expands at most about 1032 to 1: feeding this much at a time overshoots the cap by at most ~0.5 MB. */
const INFLATE_CHUNK = 512;

/**
 * Inflates raw deflate data, stopping as soon as the output passes `cap` bytes: a zip bomb costs
 * the cap, not its full size.
 */
export function inflateCapped(compressed: Uint8Array, cap: number): Uint8Array | 'damaged' | 'too-large' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    total += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < compressed.length && total <= cap; i += INFLATE_CHUNK) {
      const end = Math.min(i + INFLATE_CHUNK, compressed.length);
      inflater.push(compressed.subarray(i, end), end === compressed.length);
    }
  } catch {
    return 'damaged';
  }
  if (total > cap) return 'too-large';
  if (!ended) return 'damaged';
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const BODY_FIELDS = new Set(['s', 'at', 'lang', 'speed', 'sel', 'lesson', 'own', 'beat']);

function readBody(json: unknown): DecodeResult {
  if (!isRecord(json)) return fail('the link is damaged: it holds no scenario', DAMAGED);
  const unknown = Object.keys(json).filter((k) => !BODY_FIELDS.has(k));
  if (unknown.length > 0) return fail(`the link has unknown field ${echoKeys(unknown)}`);
  const s = json.s;
  if (!isRecord(s)) return fail('the link holds no scenario');
  if (Array.isArray(s.actions) && s.actions.length > MAX_LINK_ACTIONS)
    return fail(`actions: ${s.actions.length} actions; a link holds at most ${MAX_LINK_ACTIONS}`);
  const result = validateScenario({ version: 1, ...s }, { requireTimeOrder: true });
  if (!result.ok) return fail(result.errors.join('\n'));
  const scenario = result.scenario;

  const errors: string[] = [];
  const at = json.at ?? 0;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > MAX_AT)
    errors.push(`at: the viewed instant must be a time from 0 to ${MAX_AT} ms`);
  const lang = json.lang ?? DEFAULT_VIEW.lang;
  if (lang !== READERS_LANG && !LANGS.includes(lang as Lang))
    errors.push(`lang: ${echo(lang)} is not one of ${[...LANGS, READERS_LANG].join(', ')}`);
  const speed = json.speed ?? DEFAULT_VIEW.speed;
  if (typeof speed !== 'number' || !(speed >= SPEED_RANGE[0] && speed <= SPEED_RANGE[1]))
    errors.push(`speed: must be a number from ${SPEED_RANGE[0]} to ${SPEED_RANGE[1]}`);
  const selected = json.sel ?? null;
  if (selected !== null && (typeof selected !== 'string' || !nodeNames(scenario.nodes).includes(selected)))
    errors.push(`sel: no node ${echo(selected)} in a ${scenario.nodes}-node cluster`);
  const lesson = json.lesson;
  const own = json.own === undefined ? undefined : readOwnLesson(json.own, errors);
  const beat = json.beat;
  // The lesson to check the beat against: its beat count and how the message names it.
  let followed: { readonly beats: number; readonly label: string } | undefined;
  if (lesson !== undefined && json.own !== undefined)
    errors.push('own: a link follows a library lesson or its own, not both');
  else if (lesson !== undefined) {
    const found = typeof lesson === 'string' && LESSON_ID.test(lesson) ? findLesson(lesson) : undefined;
    if (!found) errors.push(`lesson: no lesson ${echo(lesson)}`);
    else followed = { beats: found.beats.length, label: `lesson "${found.id}"` };
  } else if (own !== undefined) followed = { beats: Math.max(1, own.beats.length), label: 'the lesson' };
  else if (beat !== undefined) errors.push('beat: a beat needs a lesson');
  if (
    followed !== undefined &&
    beat !== undefined &&
    !(Number.isInteger(beat) && (beat as number) >= 0 && (beat as number) < followed.beats)
  )
    errors.push(`beat: ${followed.label} has beats 0 to ${followed.beats - 1}`);
  if (errors.length > 0) return fail(capErrors(errors).join('\n'));

  const view: ViewSettings = {
    lang: lang === READERS_LANG ? null : (lang as Lang),
    speed: speed as number,
    selected: selected as NodeId | null,
    ...(lesson !== undefined ? { lesson: lesson as string } : {}),
    ...(own !== undefined ? { own } : {}),
    ...(beat !== undefined ? { beat: beat as number } : {}),
  };
  return { ok: true, link: { scenario, at: at as number, view } };
}

function readOwnLesson(value: unknown, errors: string[]): OwnLesson | undefined {
  if (!isRecord(value)) {
    errors.push('own: expected a lesson with a name and pause points');
    return undefined;
  }
  const unknown = Object.keys(value).filter((k) => k !== 'name' && k !== 'beats');
  if (unknown.length > 0) errors.push(`own: unknown field ${echoKeys(unknown)}`);
  const name = readLessonName(value.name, errors, 'own.name');
  const beats = readCaptionBeats(value.beats, errors, 'own.beats');
  return { name, beats };
}

// ---- base64url (RFC 4648 §5, no padding) ----------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** The bytes, or a message saying why the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | string {
  const body = text.replace(/={1,2}$/, '');
  const chars = [...body];
  const bad = chars.findIndex((c) => !VALUE.has(c));
  if (bad >= 0) return `the link is damaged: "${chars[bad]}" at position ${bad + 1} is not a link character`;
  if (body.length % 4 === 1) return 'the link is cut off: its encoded data ends part-way through a byte';
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of chars) {
    acc = ((acc << 6) | VALUE.get(c)!) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}
