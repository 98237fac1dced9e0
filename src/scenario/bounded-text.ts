// Messages about untrusted input stay small whatever the input: a value echoed back is cut to
// about 40 characters, and a list of problems stops at 20. A link of a million characters must
// not become a banner of a million characters.

/** Longest echo of an input value in a message, before the "…". */
export const MAX_ECHO = 40;
/** Most problems listed one by one; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;

/** Text cut at MAX_ECHO characters (by code point, so no half of a surrogate pair), with "…" if cut. */
export function cut(text: string, max = MAX_ECHO): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max + 1))
    .slice(0, max)
    .join('')}…`;
}

/**
 * A value from untrusted input, as short text for a message: its type is checked first, so an object
 * or a huge array is described, never turned into text whole.
 */
export function echo(value: unknown): string {
  if (typeof value === 'string') return `"${cut(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return cut(String(value));
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Field names from untrusted input, quoted and cut; at most a few, then how many more. */
export function echoKeys(keys: readonly string[], most = 5): string {
  const shown = keys.slice(0, most).map((k) => `"${cut(k)}"`);
  return keys.length > most ? `${shown.join(', ')} and ${keys.length - most} more` : shown.join(', ');
}

/** The first MAX_LISTED_ERRORS problems, then "and N more". */
export function capErrors(errors: readonly string[]): string[] {
  if (errors.length <= MAX_LISTED_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_LISTED_ERRORS), `and ${errors.length - MAX_LISTED_ERRORS} more`];
}

/** An object or list met by tooDeep, with the way back to the root (its path is spelled only if needed). */
interface Nested {
  readonly value: object;
  readonly depth: number;
  readonly parent: Nested | null;
  readonly key: string | number;
}

function pathOf(item: Nested): string {
  const parts: (string | number)[] = [];
  for (let at: Nested | null = item; at !== null && at.parent !== null; at = at.parent) parts.push(at.key);
  let out = '';
  for (const key of parts.reverse()) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? cut(key) : `.${cut(key)}`;
  }
  return out === '' ? '(scenario)' : out;
}

/**
 * Where JSON nests deeper than `max` levels, as a field path (`actions[3].groups`), or undefined.
 * Iterative, so hostile nesting cannot overflow the stack of the reader that asks. Only objects and
 * lists are visited, and a path is spelled only for the one reported: a 10,000-action file is
 * walked in a few milliseconds.
 */
export function tooDeep(value: unknown, max: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Nested[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.depth >= max) return pathOf(item);
    const depth = item.depth + 1;
    if (Array.isArray(item.value)) {
      const list: readonly unknown[] = item.value;
      for (let i = 0; i < list.length; i++) {
        const v = list[i];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, depth, parent: item, key: i });
      }
    } else {
      for (const k of Object.keys(item.value)) {
        const v: unknown = (item.value as Record<string, unknown>)[k];
        if (typeof v === 'object' && v !== null) stack.push({ value: v, depth, parent: item, key: k });
      }
    }
  }
  return undefined;
}
