// What the app writes, it can read: a link the decoder would refuse is not handed out.

import { describe, expect, it } from 'vitest';
import { encodeCheckedLink, MAX_LINK_ACTIONS } from './url';
import { validateScenario } from './validate';

function scenarioWith(actions: number) {
  const result = validateScenario({
    version: 1,
    nodes: 3,
    actions: Array.from({ length: actions }, (_, i) => ({ at: i, do: 'submit', command: `set k${i} ${i}` })),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('encodeCheckedLink', () => {
  it('refuses a 2,500-action scenario that a link cannot hold, naming the limit', () => {
    const result = encodeCheckedLink({ scenario: scenarioWith(2_500) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`at most ${MAX_LINK_ACTIONS}`);
  });

  it('gives the link of a scenario at the limit', () => {
    expect(encodeCheckedLink({ scenario: scenarioWith(MAX_LINK_ACTIONS) }).ok).toBe(true);
  });

  it('refuses an instant past a day and a pause point past a day', () => {
    expect(encodeCheckedLink({ scenario: scenarioWith(1), at: 1e308 }).ok).toBe(false);
    const own = { name: 'far', beats: [{ at: 1e308, caption: { ko: '', en: '' } }] };
    const result = encodeCheckedLink({ scenario: scenarioWith(1), view: { own, beat: 0 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('own.beats[0].at');
  });
});
