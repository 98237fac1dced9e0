// Scenarios written by older versions of the app, read as today's. Every source (a link, a lesson
// or scenario file, a saved lesson, the CLI) goes through validateScenario, which calls this first,
// so an old link keeps opening.
//
// - `configure` (switch options mid-run) was renamed `setOptions`: in Raft, "configuration" means
//   the cluster's membership.

import { isRecord } from './is-record';

const RENAMED_ACTIONS: Readonly<Record<string, string>> = { configure: 'setOptions' };

/** The same input with old names replaced; anything it does not recognise is left for validation. */
export function migrateScenarioInput(input: unknown): unknown {
  if (!isRecord(input) || !Array.isArray(input.actions)) return input;
  if (!input.actions.some(isRenamed)) return input;
  return { ...input, actions: input.actions.map((a: unknown) => (isRenamed(a) ? renamed(a) : a)) };
}

function isRenamed(action: unknown): action is Record<string, unknown> & { do: string } {
  return isRecord(action) && typeof action.do === 'string' && Object.hasOwn(RENAMED_ACTIONS, action.do);
}

/** Same fields in the same order, only `do` renamed (key order matters to a byte-for-byte replay). */
function renamed(action: Record<string, unknown> & { do: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(action)) {
    Object.defineProperty(out, key, {
      value: key === 'do' ? RENAMED_ACTIONS[action.do] : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
