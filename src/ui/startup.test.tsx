// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLesson } from '../scenario/lessons';
import { scenarioSchema, type Scenario } from '../scenario/schema';
import { encodeLink, toBase64Url } from '../scenario/url';
import { createInProcessPort } from '../store/engine-port';
import { DEFAULT_SCENARIO, startEngine, useSimStore } from '../store/sim-store';
import type { ToWorker } from '../worker/protocol';
import { useLessonStore } from './lessons/lesson-store';
import { LinkErrorBanner } from './share/LinkErrorBanner';
import { useLinkStore } from './share/link-store';
import { LogTable } from './logs/LogTable';
import { isEmbed, openFromHash, planStartup } from './startup';
import { connectFakeWorker } from './test/store';

let sent: ToWorker[] = [];

/** A link whose JSON body is written by hand (to make links the encoder never would). */
function rawLink(body: unknown): string {
  return `#v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(body))))}`;
}

const THREE: Scenario = scenarioSchema.parse({
  version: 1,
  seed: 9,
  nodes: 3,
  actions: [{ at: 400, do: 'submit', command: 'set x 1' }],
});

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', speed: 0.01, selectedNode: null, scenario: DEFAULT_SCENARIO });
  useLinkStore.setState({ linkError: null });
  useLessonStore.setState({ lesson: null, beat: 0, answers: {}, minimized: false, target: null, targetBeat: null });
});

describe('start-up from the URL', () => {
  it('with no fragment opens the default cluster and plays it', () => {
    expect(planStartup('')).toEqual({ kind: 'default' });
    openFromHash('', { autoplay: true });
    expect(sent).toContainEqual({ type: 'load', scenario: DEFAULT_SCENARIO });
    expect(sent.at(-1)).toEqual({ type: 'play' });
    expect(useLinkStore.getState().linkError).toBeNull();
  });

  it('with a valid link loads its scenario at its instant, applies its view and stays paused', () => {
    const hash = encodeLink({ scenario: THREE, at: 1234, view: { lang: 'ko', speed: 0.1, selected: 'B' } });
    openFromHash(hash, { autoplay: true });
    expect(sent).toContainEqual({ type: 'load', scenario: THREE, at: 1234 });
    expect(sent).toContainEqual({ type: 'speed', speed: 0.1 });
    expect(sent.some((m) => m.type === 'play')).toBe(false);
    const state = useSimStore.getState();
    expect(state.scenario).toEqual(THREE);
    expect(state.lang).toBe('ko');
    expect(state.speed).toBe(0.1);
    expect(state.selectedNode).toBe('B');
    expect(useLinkStore.getState().linkError).toBeNull();
  });

  it("with a link for any reader keeps the reader's language", () => {
    for (const lang of ['en', 'ko'] as const) {
      useSimStore.setState({ lang });
      openFromHash(encodeLink({ scenario: THREE, view: { lang: null } }), { autoplay: true });
      expect(useSimStore.getState().lang).toBe(lang);
    }
  });

  it('with a lesson link opens the lesson player at the named beat without reloading the lesson', () => {
    const lesson = findLesson('split-vote')!;
    const scenario = scenarioSchema.parse(lesson.scenario);
    const hash = encodeLink({ scenario, at: lesson.beats[1]!.at, view: { lesson: 'split-vote', beat: 1 } });
    openFromHash(hash, { autoplay: true });
    expect(sent.filter((m) => m.type === 'load')).toEqual([{ type: 'load', scenario, at: 150 }]);
    expect(useLessonStore.getState().lesson?.id).toBe('split-vote');
    expect(useLessonStore.getState().beat).toBe(1);
  });

  it("with a home-made lesson's link opens the player on its captions, at the named beat", () => {
    const own = {
      name: 'Our split vote',
      beats: [
        { at: 100, caption: { ko: '시작', en: 'Start' } },
        { at: 400, caption: { ko: '두 후보', en: 'Two candidates' } },
      ],
    };
    openFromHash(encodeLink({ scenario: THREE, at: 400, view: { own, beat: 1 } }), { autoplay: true });
    expect(sent.filter((m) => m.type === 'load')).toEqual([{ type: 'load', scenario: THREE, at: 400 }]);
    const { lesson, beat } = useLessonStore.getState();
    expect(lesson?.title.en).toBe('Our split vote');
    expect(lesson?.beats.map((b) => b.caption.en)).toEqual(['Start', 'Two candidates']);
    expect(beat).toBe(1);
  });

  const full = encodeLink({ scenario: THREE, at: 500 });
  const broken: [string, string, RegExp][] = [
    ['garbage', '#hello-world', /not a Raft Classroom link/],
    ['bad characters', '#v1.abc$%^', /not a link character/],
    ['a truncated link', full.slice(0, Math.floor(full.length / 2)), /cut off|damaged/],
    ['an unknown version', '#v9.AAAA', /unknown link version v9/],
    [
      'node F in a 3-node cluster',
      rawLink({ s: { nodes: 3, actions: [{ at: 10, do: 'kill', node: 'F' }] } }),
      /actions\[0\]\.node: no node "F" in a 3-node cluster/,
    ],
    [
      'decreasing log terms',
      rawLink({
        s: {
          nodes: 3,
          initial: {
            A: {
              term: 3,
              log: [
                { term: 2, command: 'a' },
                { term: 1, command: 'b' },
              ],
            },
          },
        },
      }),
      /initial\.A\.log\[1\]\.term: terms in a log never decrease/,
    ],
  ];

  it.each(broken)('with %s loads the default cluster and shows the reason in a banner', (_name, hash, reason) => {
    render(<LinkErrorBanner />);
    act(() => {
      openFromHash(hash, { autoplay: false });
    });
    expect(sent).toContainEqual({ type: 'load', scenario: DEFAULT_SCENARIO });
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('This link could not be opened, so the default cluster is shown instead.');
    expect(banner).toHaveTextContent(reason);
  });

  it('the banner is dismissible and speaks Korean, keeping the decoder message as text', () => {
    useSimStore.setState({ lang: 'ko' });
    render(<LinkErrorBanner />);
    act(() => {
      openFromHash(rawLink({ s: { nodes: 3 }, lesson: '<b>bold</b>' }), { autoplay: false });
    });
    const banner = screen.getByRole('alert');
    expect(banner).toHaveTextContent('이 링크를 열 수 없어 기본 클러스터를 대신 보여 줍니다.');
    expect(banner).toHaveTextContent('링크에 담긴 시나리오나 보기 설정에 잘못된 값이 있습니다:');
    expect(banner).toHaveTextContent('lesson: no lesson "<b>bold</b>"');
    expect(banner.querySelector('b')).toBeNull();
    act(() => screen.getByRole('button', { name: '닫기' }).click());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it.each([
    ['#nonsense', 'Raft 교실 링크가 아닙니다.'],
    ['#v7.AAAA', '이 앱이 읽지 못하는 링크 버전입니다 (v7;'],
    ['#v1.', '"#v1." 뒤가 비어 있습니다.'],
    [full.slice(0, Math.floor(full.length / 2)), '링크가 손상되었거나 잘렸습니다.'],
  ])('in Korean, says why %s cannot be opened in Korean', (hash, reason) => {
    useSimStore.setState({ lang: 'ko' });
    render(<LinkErrorBanner />);
    act(() => {
      openFromHash(hash, { autoplay: false });
    });
    expect(screen.getByRole('alert')).toHaveTextContent(reason);
  });

  it('a valid link after a broken one clears the banner', () => {
    openFromHash('#nonsense', { autoplay: false });
    expect(useLinkStore.getState().linkError).not.toBeNull();
    openFromHash(encodeLink({ scenario: THREE }), { autoplay: false });
    expect(useLinkStore.getState().linkError).toBeNull();
  });

  it('reads the embed flag from the query', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?x=2&embed')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });
});

describe('a linked scenario with markup in a command', () => {
  it('shows the command as text in the logs, never as HTML', async () => {
    const timers: (() => void)[] = [];
    startEngine(() =>
      createInProcessPort({ now: () => 0, every: (_ms, tick) => (timers.push(tick), () => undefined) }),
    );
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 3,
      initial: { A: { term: 1, log: [{ term: 1, command: '<img src=x onerror=alert(1)>' }] } },
    });
    const { container } = render(<LogTable />);
    act(() => {
      openFromHash(encodeLink({ scenario, at: 10 }), { autoplay: false });
    });
    // The link opens in its own time (decoded off the page's thread where it can be): wait for it, not a fixed delay.
    await waitFor(() => expect(useSimStore.getState().snapshot?.time).toBe(10));
    await waitFor(() => expect(container).toHaveTextContent('<img src=x onerror=alert(1)>'));
    expect(container.querySelector('img')).toBeNull();
  });
});
