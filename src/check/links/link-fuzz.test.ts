// The link fuzzer at a CI-sized budget (`npm run fuzz -- --links 10000` is the long run).

import { describe, expect, it } from 'vitest';
import { judgeLink, MUTATIONS, runLinkCampaign, seedLinks } from './link-fuzz';

describe('link fuzzer', { timeout: 60_000 }, () => {
  it('every mutated link is refused with a named field or step, or plays 5 s within the budget', () => {
    const result = runLinkCampaign(32, 7);
    expect(result.failures).toEqual([]);
    expect(result.refused + result.played).toBe(32);
    for (const m of MUTATIONS) expect(result.byMutation[m].refused + result.byMutation[m].played).toBe(4);
  });

  it('calls an empty or damaged link refused (a named step), and a lesson link played', () => {
    expect(judgeLink('#v1.')).toEqual({ ok: true, outcome: 'refused', events: 0 });
    expect(judgeLink(`#v1.${'A'.repeat(10)}`)).toEqual({ ok: true, outcome: 'refused', events: 0 });
    expect(judgeLink(seedLinks()[0]!)).toMatchObject({ ok: true, outcome: 'played' });
  });
});
