// A lesson file exported before `configure` was renamed `setOptions` still imports.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSON_FILE_FORMAT, readImport } from './draft';

const OLD_SCENARIO = JSON.parse(
  readFileSync(new URL('../../scenario/fixtures/configure-v1.scenario.json', import.meta.url), 'utf8'),
) as unknown;

describe('importing an old-format lesson file', () => {
  it('reads its `configure` actions as setOptions', () => {
    const file = JSON.stringify({
      format: LESSON_FILE_FORMAT,
      version: 1,
      name: 'old',
      beats: [],
      scenario: OLD_SCENARIO,
    });
    const result = readImport(file);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.draft.scenario.actions.map((a) => a.do)).toEqual(['setOptions', 'setOptions', 'submit']);
  });
});
