// @vitest-environment jsdom
// Switching language re-words everything already on screen: the feed's old lines, the ring's
// labels, the logs, the rules and the safety panel all switch at once, with no English Raft word left in the
// Korean (checked with the glossary's own sweep) and back again.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, useSimStore } from '../store/sim-store';
import { ClusterView } from './cluster/ClusterView';
import { EventFeed } from './feed/EventFeed';
import { refusedVoteStep } from './explain/test-records';
import { termProblems } from './interpret/terms';
import { LogTable } from './logs/LogTable';
import { RulesPanel } from './rules/RulesPanel';
import { SafetyPanel } from './safety/SafetyPanel';
import { makeNode, makeSnapshot } from './test/snapshot-fixtures';
import { resetStore } from './test/store';

const e = (term: number, command: string) => ({ term, command });
const cluster = makeSnapshot([
  makeNode('A', {
    role: 'leader',
    currentTerm: 3,
    log: [e(1, 'set x 1'), e(3, '')],
    commitIndex: 2,
    nextIndex: { B: 3, C: 2 },
    matchIndex: { B: 2, C: 1 },
  }),
  makeNode('B', { currentTerm: 3, log: [e(1, 'set x 1'), e(3, '')], commitIndex: 2 }),
  makeNode('C', { role: 'candidate', currentTerm: 4, log: [e(1, 'set x 1')], commitIndex: 1 }),
]);

beforeEach(() =>
  useSimStore.setState({
    lang: 'en',
    snapshot: cluster,
    live: cluster,
    feed: refusedVoteStep(7),
    scenario: DEFAULT_SCENARIO,
  }),
);
afterEach(() => {
  cleanup();
  resetStore();
});

/** Everything a reader or a screen reader gets: the text and every accessible label. */
function shown(root: HTMLElement): string {
  const labels = [...root.querySelectorAll('[aria-label], title')].map(
    (el) => el.getAttribute('aria-label') ?? el.textContent ?? '',
  );
  return [root.textContent ?? '', ...labels].join('\n');
}

function renderAll(): HTMLElement {
  return render(
    <>
      <ClusterView />
      <LogTable />
      <EventFeed />
      <RulesPanel />
      <SafetyPanel />
    </>,
  ).container;
}

describe('switching language', () => {
  it('re-words the feed, the ring, the logs, the rules and the safety properties already shown, and back', () => {
    const root = renderAll();
    const feedLine = /^B refused to vote for E/;
    expect(screen.getByText(feedLine)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Node A, leader, term 3' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'RequestVote receiver' })).toBeInTheDocument();
    expect(screen.getByText('Leader Completeness')).toBeInTheDocument();
    // The sweep below is not vacuous: English screens are full of the words it looks for.
    expect(termProblems(shown(root)).length).toBeGreaterThan(3);

    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.queryByText(feedLine)).toBeNull();
    expect(screen.getAllByText(/^B가 E에게 /).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: '노드 A, 리더, 임기 3' }).length).toBeGreaterThan(0);
    expect(screen.getAllByRole('button', { name: '노드 C, 후보, 임기 4' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('heading', { name: 'RequestVote 수신자' })).toBeInTheDocument();
    expect(screen.getByText('리더 완전성')).toBeInTheDocument();
    expect(termProblems(shown(root))).toEqual([]);

    act(() => useSimStore.setState({ lang: 'en' }));
    expect(screen.getByText(feedLine)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Node A, leader, term 3' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('heading', { name: 'RequestVote 수신자' })).toBeNull();
  });
});
