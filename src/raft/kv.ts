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
  const words = text.trim().split(/\s+/);
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

export function emptyKv(): KvState {
  return { data: {}, appliedRequests: [] };
}

/** Applies one committed entry and returns what it did, in words the UI can show. */
export function applyEntry(kv: KvState, entry: LogEntry): string {
  if (entry.command === '') return 'no-op';
  const id = entry.requestId;
  if (id !== undefined) {
    // A client retry of a request already applied returns the first result and changes nothing.
    const earlier = kv.appliedRequests.find(([applied]) => applied === id);
    if (earlier) return earlier[1];
  }
  const result = execute(kv, entry.command);
  if (id !== undefined) {
    kv.appliedRequests.push([id, result]);
    // Retries stop at the client's deadline, so only recent requests need remembering.
    if (kv.appliedRequests.length > REMEMBERED_REQUESTS) kv.appliedRequests.shift();
  }
  return result;
}

const REMEMBERED_REQUESTS = 256;

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
