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

/** Applies one committed entry and returns what it did, in words the UI can show. */
export function applyEntry(kv: KvState, entry: LogEntry): string {
  if (entry.command === '') return 'no-op';
  const id = entry.requestId;
  if (id === undefined) return execute(kv, entry.command);
  // A client retry of a request already applied returns the first result and changes nothing.
  const applied = kv.appliedRequests;
  const index = appliedIndex(applied);
  const earlier = index.get(id);
  if (earlier !== undefined) return earlier;
  const result = execute(kv, entry.command);
  applied.push([id, result]);
  index.set(id, result);
  // Retries stop at the client's deadline, so only recent requests need remembering.
  if (applied.length > REMEMBERED_REQUESTS) index.delete(applied.shift()![0]);
  return result;
}

const REMEMBERED_REQUESTS = 256;

/**
 * A lookup table beside each appliedRequests list (the list stays the plain-data truth), so a
 * retry is found without scanning it. Rebuilt from the list when the list is new (a restored
 * checkpoint) or was changed by someone else; a request id the list holds twice keeps its first.
 */
const appliedIndexes = new WeakMap<KvState['appliedRequests'], Map<number, string>>();

function appliedIndex(applied: KvState['appliedRequests']): Map<number, string> {
  let index = appliedIndexes.get(applied);
  if (index === undefined || index.size !== applied.length) {
    index = new Map();
    for (const [id, result] of applied) if (!index.has(id)) index.set(id, result);
    appliedIndexes.set(applied, index);
  }
  return index;
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
