// @vitest-environment jsdom
// The page's start-up path. jsdom has no Worker, so links are decoded by the page-thread fallback;
// what is tested here is what the page does with the answer (decode-link-async.test.ts tests the worker).
import { beforeEach, describe, expect, it } from 'vitest';
import { findLesson } from '../scenario/lessons';
import { scenarioSchema } from '../scenario/schema';
import { encodeLink } from '../scenario/url';
import { DEFAULT_SCENARIO, useSimStore } from '../store/sim-store';
import type { ToWorker } from '../worker/protocol';
import { useLessonStore } from './lessons/lesson-store';
import { useLinkStore } from './share/link-store';
import { openFromHashAsync } from './startup-async';
import { connectFakeWorker } from './test/store';

let sent: ToWorker[] = [];
const scenario = (nodes: number) => scenarioSchema.parse({ version: 1, seed: 9, nodes });

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', speed: 0.01, selectedNode: null, scenario: DEFAULT_SCENARIO });
  useLinkStore.setState({ linkError: null });
  useLessonStore.setState({ lesson: null, beat: 0, answers: {}, minimized: false, target: null, targetBeat: null });
});

describe('start-up with the link decoded off the page thread', () => {
  it('opens a link paused at its instant, with its view', async () => {
    const plan = await openFromHashAsync(encodeLink({ scenario: scenario(3), at: 700, view: { speed: 0.1 } }), {
      autoplay: true,
    });
    expect(plan?.kind).toBe('link');
    expect(sent).toContainEqual({ type: 'load', scenario: scenario(3), at: 700 });
    expect(sent.some((m) => m.type === 'play')).toBe(false);
    expect(useSimStore.getState().speed).toBe(0.1);
  });

  it('opens only the newest fragment when a second arrives while the first is decoded', async () => {
    const first = openFromHashAsync(encodeLink({ scenario: scenario(3) }), { autoplay: false });
    const second = openFromHashAsync(encodeLink({ scenario: scenario(5) }), { autoplay: false });
    await expect(first).resolves.toBeNull();
    expect((await second)?.kind).toBe('link');
    expect(sent.filter((m) => m.type === 'load')).toEqual([{ type: 'load', scenario: scenario(5), at: 0 }]);
  });

  it('loads the lesson player for a lesson link and opens it at the named beat', async () => {
    const lesson = findLesson('split-vote')!;
    const s = scenarioSchema.parse(lesson.scenario);
    await openFromHashAsync(
      encodeLink({ scenario: s, at: lesson.beats[1]!.at, view: { lesson: 'split-vote', beat: 1 } }),
      {
        autoplay: true,
      },
    );
    expect(useLessonStore.getState().lesson?.id).toBe('split-vote');
    expect(useLessonStore.getState().beat).toBe(1);
  });

  it('opens the default cluster with the reason when the link is broken', async () => {
    const plan = await openFromHashAsync('#v1.abc$%^', { autoplay: false });
    expect(plan?.kind).toBe('broken');
    expect(useLinkStore.getState().linkError?.text).toMatch(/not a link character/);
    expect(sent).toContainEqual({ type: 'load', scenario: DEFAULT_SCENARIO });
  });
});
