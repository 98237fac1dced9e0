// The worker's check of each message from the UI thread. The protocol is typed, so the UI cannot
// send a malformed action; what types cannot rule out are numbers: NaN, Infinity, or a seek to
// 1e308 ms would make the engine compute forever or draw nonsense. Such a message is refused
// whole, with a message naming the field, before the engine sees it. (Hand-written, so the worker
// bundle carries no validator library.)

import { MAX_TIME } from '../scenario/bounds';
import type { ToWorker } from './protocol';

/** Deeper than any message of the protocol (a scenario's initial log entry is 5 levels down). */
const MAX_MESSAGE_DEPTH = 12;

/** Why the message must be refused, naming the field; undefined when it may be handled. */
export function messageProblem(message: ToWorker): string | undefined {
  const nonFinite = allFinite(message, 0) ? undefined : firstNonFinite(message);
  if (nonFinite !== undefined) return `${message.type}: ${nonFinite}`;
  const instant = (field: string, value: number | undefined): string | undefined =>
    value !== undefined && (value < 0 || value > MAX_TIME)
      ? `${message.type}.${field}: a time from 0 to ${MAX_TIME} ms`
      : undefined;
  switch (message.type) {
    case 'seek':
      return instant('time', message.time);
    case 'load':
      return instant('at', message.at);
    case 'spaceTime':
      return instant('from', message.from) ?? instant('to', message.to);
    case 'act':
      return instant('action.at', (message.action as { at?: number }).at);
    case 'actSpread':
      return message.actions
        .map((action, i) => instant(`actions[${i}].at`, (action as { at?: number }).at))
        .find((problem) => problem !== undefined);
    default:
      return undefined;
  }
}

/**
 * Every number finite and no nesting too deep: the check every message passes, made without building the
 * paths firstNonFinite names (a string and a record per field, for each of the two messages a frame brings).
 */
function allFinite(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_MESSAGE_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!allFinite(v, depth + 1)) return false;
    return true;
  }
  for (const k in value)
    if (Object.hasOwn(value, k) && !allFinite((value as Record<string, unknown>)[k], depth + 1)) return false;
  return true;
}

/** The path of the first number that is NaN or infinite (or of nesting too deep), if any. */
function firstNonFinite(root: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `${path.slice(1)} is ${String(value)}, not a finite number`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_MESSAGE_DEPTH) return `${path.slice(1)} is nested too deeply`;
    if (Array.isArray(value))
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
  }
  return undefined;
}
