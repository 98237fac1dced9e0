import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import {
  addBeat,
  deleteAction,
  describeAction,
  draftFromRun,
  draftLesson,
  lessonFile,
  readImport,
  scenarioFile,
  setActionTime,
  updateBeat,
} from './draft';

const recorded = scenarioSchema.parse({
  version: 1,
  seed: 3,
  nodes: 5,
  actions: [
    { at: 400, afterStep: 31, do: 'kill', node: 'A' },
    { at: 900, afterStep: 77, do: 'submit', command: 'set x 1' },
    { at: 1500, afterStep: 120, do: 'restart', node: 'A' },
  ],
});

describe('authoring a recorded run', () => {
  it('deletes an action', () => {
    const draft = deleteAction(draftFromRun(recorded), 1);
    expect(draft.scenario.actions.map(describeAction)).toEqual(['kill A', 'restart A']);
  });

  it('moves an action in time and keeps the list in time order, replaying by time', () => {
    const draft = setActionTime(draftFromRun(recorded), 0, 1200);
    expect(draft.scenario.actions.map((a) => [a.at, describeAction(a)])).toEqual([
      [900, 'submit "set x 1"'],
      [1200, 'kill A'],
      [1500, 'restart A'],
    ]);
    expect(draft.scenario.actions.every((a) => a.afterStep === undefined)).toBe(true);
    expect(setActionTime(draftFromRun(recorded), 0, -5)).toEqual(draftFromRun(recorded));
  });

  it('exports a scenario file the headless runner accepts, and a lesson file with the pause points', () => {
    let draft = setActionTime(deleteAction(draftFromRun(recorded, 'Leader dies'), 1), 1, 2000);
    draft = updateBeat(addBeat(draft, 450), 0, { caption: { ko: 'A가 죽었습니다', en: 'A is down' } });

    const file = JSON.parse(scenarioFile(draft)) as unknown;
    const result = validateScenario(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.scenario).toEqual(draft.scenario);

    const lesson = readImport(lessonFile(draft));
    expect(lesson).toEqual({ ok: true, draft });
    expect(draftLesson(draft).beats).toEqual([{ at: 450, caption: { ko: 'A가 죽었습니다', en: 'A is down' } }]);
  });

  it('imports a plain scenario file', () => {
    const result = readImport(scenarioFile(draftFromRun(recorded)), 'mine');
    expect(result.ok && result.draft.name).toBe('mine');
  });

  it('refuses a malformed file with messages that name the field', () => {
    expect(readImport('{ "version": 1, "nodes": 3, ')).toMatchObject({ ok: false, errors: [/^not valid JSON/] });
    expect(readImport(JSON.stringify({ version: 1, nodes: 3, actions: [{ at: 5, do: 'kill', node: 'F' }] }))).toEqual({
      ok: false,
      errors: ['actions[0].node: no node "F" in a 3-node cluster'],
    });
    const badLesson = {
      format: 'raft-classroom-lesson',
      version: 1,
      name: 'x',
      beats: [{ at: -1, caption: { ko: '', en: '' } }],
      scenario: { version: 1, nodes: 3, colour: 'red' },
    };
    const result = readImport(JSON.stringify(badLesson));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('beats[0].at: expected a time in ms (0 or more)');
      expect(result.errors).toContain('scenario: unknown field "colour"');
    }
  });
});

describe('pauses in a lesson file', () => {
  it('refuses two pauses at one instant, naming the field', () => {
    const file = JSON.stringify({
      format: 'raft-classroom-lesson',
      version: 1,
      name: 'Twice',
      beats: [
        { at: 100, caption: { ko: '', en: 'one' } },
        { at: 100, caption: { ko: '', en: 'two' } },
      ],
      scenario: { version: 1, nodes: 3 },
    });
    const result = readImport(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(['beats[1].at: pause 1 is already at 100 ms (one pause per instant)']);
  });
});
