// Links and files made before `configure` was renamed `setOptions` still open, and play the same.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeLink } from './url';
import { validateScenario } from './validate';

const OLD_FILE = readFileSync(new URL('./fixtures/configure-v1.scenario.json', import.meta.url), 'utf8');
/** Made by the encoder before the rename, from the fixture above: its actions say `configure`. */
const OLD_LINK =
  '#v1.bY_NCsIwEIRfpcw5h4oWIXcfQA9exENMtzXYJCU_IIS8u2srHsTLsuzOfrNTECG5EPWQewHne-LJVkDpZLzj_lKgEmQr0HtIaO8GM-ZAEPDzR1MwBzr7RJApZBLQd9KPY_Yh23VUq1g5u_YfKbuoBr4u_MFhosX7RDEFs7Q_jO7LiPlmTWKA9tYqxyE4S2qezQb1WjnF27Fj9aTcyEtyqC8';

const RENAMED = [
  { at: 0, do: 'setOptions', options: { preVote: true, checkQuorum: true } },
  { at: 400, do: 'setOptions', unsafe: { noElectionRestriction: true } },
  { at: 500, do: 'submit', command: 'set x 1' },
];

describe('old `configure` actions', () => {
  it('the committed old link still opens, its actions read as setOptions', () => {
    const result = decodeLink(OLD_LINK);
    if (!result.ok) throw new Error(result.error);
    expect(result.link.scenario.actions).toEqual(RENAMED);
    expect(result.link.at).toBe(450);
  });

  it('the committed old scenario file validates as the same scenario written with the new name', () => {
    const old = validateScenario(JSON.parse(OLD_FILE));
    const renamed = validateScenario({ ...JSON.parse(OLD_FILE), actions: RENAMED });
    if (!old.ok || !renamed.ok) throw new Error('fixture not valid');
    expect(JSON.stringify(old.scenario)).toBe(JSON.stringify(renamed.scenario));
  });

  it('a misspelt action is still refused: only the old name is migrated', () => {
    const result = validateScenario({ version: 1, nodes: 3, actions: [{ at: 0, do: 'configur' }] });
    expect(result.ok).toBe(false);
  });
});
