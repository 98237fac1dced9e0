// Why a typed command is refused, as a code the UI can say in either language.
// parseCommand (src/raft/kv.ts) decides what is valid; this only names the reason in words
// a student understands, so the two must agree (command-refusal.test.ts checks that they do).

import { parseCommand } from '../../raft/kv';

export type Refusal =
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknownOp'; readonly op: string }
  | { readonly kind: 'badKey'; readonly op: string }
  | { readonly kind: 'noValue'; readonly key: string }
  | { readonly kind: 'longValue' }
  | { readonly kind: 'extraWords'; readonly op: string; readonly key: string };

const KEY = /^[A-Za-z0-9_.:-]{1,32}$/;

/** null when parseCommand accepts the text. */
export function refusalOf(text: string): Refusal | null {
  if (parseCommand(text).ok) return null;
  const [op = '', key, ...rest] = text.trim().split(/\s+/);
  if (op === '') return { kind: 'empty' };
  if (op !== 'set' && op !== 'del' && op !== 'get') return { kind: 'unknownOp', op };
  if (key === undefined || !KEY.test(key)) return { kind: 'badKey', op };
  if (op === 'set') return rest.length === 0 ? { kind: 'noValue', key } : { kind: 'longValue' };
  return { kind: 'extraWords', op, key };
}
