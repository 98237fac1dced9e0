// The key-value state machine that committed entries are applied to (§4 step 3).
// Commands are plain text so students can type them: `set KEY VALUE`, `del KEY`, `get KEY`.

import type { KvState, LogEntry } from './types';

export type KvCommand =
  | { readonly op: 'set'; readonly key: string; readonly value: string }
  | { readonly op: 'del'; readonly key: string }
  | { readonly op: 'get'; readonly key: string };

export type ParseResult =
  { readonly ok: true; readonly command: KvCommand } | { readonly ok: false; readonly message: string };

const KEY = /^[A-Za-z0-9_.:-]{1,32}$/;
const MAX_VALUE_LENGTH = 64;

export const COMMAND_EXAMPLES = ['set x 1', 'set name raft', 'del x', 'get name'] as const;

/** Parses a client command, or says in plain words why it is refused. */
export function parseCommand(text: string): ParseResult {
  // A command is parsed when submitted, when proposed and when each node applies it: remember
  // the last few answers (frozen, as they are shared).
  let parsed = recentParses.get(text);
  if (parsed === undefined) {
    parsed = parseFresh(text);
    if (parsed.ok) Object.freeze(parsed.command);
    Object.freeze(parsed);
    if (recentParses.size >= RECENT_PARSES) recentParses.delete(recentParses.keys().next().value!);
    recentParses.set(text, parsed);
  }
  return parsed;
}

const RECENT_PARSES = 64;
const recentParses = new Map<string, ParseResult>();

function parseFresh(text: string): ParseResult {
  const words = splitWords(text);
  const [op, key, ...rest] = words;
  const value = rest.join(' ');
  if (op === undefined || op === '') return { ok: false, message: 'empty command: try "set x 1"' };
  if (op !== 'set' && op !== 'del' && op !== 'get') {
    return { ok: false, message: `unknown operation "${op}": use set KEY VALUE, del KEY or get KEY` };
  }
  if (key === undefined || !KEY.test(key)) {
    return { ok: false, message: `"${op}" needs a key of 1–32 letters, digits or _ . : -` };
  }
  if (op === 'set') {
    if (value === '') return { ok: false, message: `"set ${key}" needs a value: set ${key} VALUE` };
    if (value.length > MAX_VALUE_LENGTH)
      return { ok: false, message: `the value is longer than ${MAX_VALUE_LENGTH} characters` };
    return { ok: true, command: { op, key, value } };
  }
  if (rest.length > 0) return { ok: false, message: `"${op}" takes only a key: ${op} ${key}` };
  return { ok: true, command: { op, key } };
}

/** `text.trim().split(/\s+/)`, with a fast path for printable ASCII words between single spaces. */
function splitWords(text: string): string[] {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return text.trim().split(/\s+/);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 ? text.charCodeAt(i + 1) === 32 : c < 33 || c > 126) return text.trim().split(/\s+/);
  }
  return text.split(' ');
}

export function emptyKv(): KvState {
  return { data: {}, appliedRequests: [] };
}

/**
 * Applies one committed entry and returns what it did, in words the UI can show; `retry` when
 * the entry is a client's retry of a request already applied (thesis §6.3), which changes nothing.
 */
export function applyEntry(kv: KvState, entry: LogEntry): { result: string; retry: boolean } {
  // A configuration entry (§6) changes who votes, not the key-value state.
  if (entry.config !== undefined) return { result: 'configuration', retry: false };
  if (entry.noop === true || entry.command === '') return { result: 'no-op', retry: false };
  const id = entry.requestId;
  if (id === undefined) return { result: execute(kv, entry.command), retry: false };
  const applied = kv.appliedRequests;
  const index = appliedIndex(applied);
  const earlier = findApplied(applied, index, id);
  if (earlier !== undefined) return { result: earlier, retry: true };
  const result = execute(kv, entry.command);
  const last = applied[applied.length - 1];
  if (last !== undefined && last[0] >= id) index.sortedFrom = applied.length;
  applied.push([id, result]);
  if (applied.length > TRIM_AT) {
    // Cut the forgotten part off in one go rather than shifting the list at every request.
    const cut = applied.length - REMEMBERED_REQUESTS;
    applied.splice(0, cut);
    index.sortedFrom = Math.max(0, index.sortedFrom - cut);
  }
  index.length = applied.length;
  return { result, retry: false };
}

/**
 * Retries stop at the client's deadline, so only the last REMEMBERED_REQUESTS applied requests
 * are remembered: those at the end of appliedRequests. The list may grow to TRIM_AT before its
 * older part is cut off.
 */
const REMEMBERED_REQUESTS = 256;
const TRIM_AT = 2 * REMEMBERED_REQUESTS;

/**
 * What is known beside an appliedRequests list (the list stays the plain-data truth): from which
 * position on its request ids strictly increase, as they do unless a retry overtook a request.
 * Rebuilt when the list is new (a restored checkpoint) or was changed by someone else.
 */
interface AppliedIndex {
  sortedFrom: number;
  /** The list's length when the index last saw it. */
  length: number;
}

const appliedIndexes = new WeakMap<KvState['appliedRequests'], AppliedIndex>();

function appliedIndex(applied: KvState['appliedRequests']): AppliedIndex {
  let index = appliedIndexes.get(applied);
  if (index === undefined || index.length !== applied.length) {
    let sortedFrom = applied.length - 1;
    while (sortedFrom > 0 && applied[sortedFrom - 1]![0] < applied[sortedFrom]![0]) sortedFrom--;
    index = { sortedFrom: Math.max(0, sortedFrom), length: applied.length };
    appliedIndexes.set(applied, index);
  }
  return index;
}

/** The result of the first remembered request with this id: a scan of the unordered part, then a binary search. */
function findApplied(applied: KvState['appliedRequests'], index: AppliedIndex, id: number): string | undefined {
  const start = Math.max(0, applied.length - REMEMBERED_REQUESTS);
  const sorted = Math.max(start, index.sortedFrom);
  for (let i = start; i < sorted; i++) if (applied[i]![0] === id) return applied[i]![1];
  let lo = sorted;
  let hi = applied.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (applied[mid]![0] < id) lo = mid + 1;
    else hi = mid;
  }
  const found = applied[lo];
  return found !== undefined && found[0] === id ? found[1] : undefined;
}

function execute(kv: KvState, text: string): string {
  const parsed = parseCommand(text);
  if (!parsed.ok) return 'invalid';
  const { command } = parsed;
  switch (command.op) {
    case 'set':
      kv.data[command.key] = command.value;
      return command.value;
    case 'del':
      Reflect.deleteProperty(kv.data, command.key);
      return 'deleted';
    case 'get':
      return kv.data[command.key] ?? '(none)';
  }
}
