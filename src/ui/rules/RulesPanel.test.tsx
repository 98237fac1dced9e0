// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, useSimStore } from '../../store/sim-store';
import { at, refusedVoteStep } from '../explain/test-records';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { RulesPanel } from './RulesPanel';

const five = makeSnapshot(['A', 'B', 'C', 'D', 'E'].map((id) => makeNode(id)));

beforeEach(() => useSimStore.setState({ lang: 'en', snapshot: five, feed: [], scenario: DEFAULT_SCENARIO }));
afterEach(cleanup);

const executed = (): HTMLElement[] =>
  screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'step');

describe('RulesPanel', () => {
  it('shows every section of Figure 2 and highlights nothing before the first step', () => {
    render(<RulesPanel />);
    for (const name of [
      'All servers',
      'Followers',
      'Candidates',
      'Leaders',
      'RequestVote receiver',
      'AppendEntries receiver',
      'Options (when on)',
    ])
      expect(screen.getByRole('heading', { name })).toBeInTheDocument();
    expect(executed()).toHaveLength(0);
    expect(screen.getByText('Step or play to see which rule runs.')).toBeInTheDocument();
  });

  it('highlights the RequestVote receiver rule after a voteRefused record, with the condition evaluated', () => {
    useSimStore.setState({ feed: refusedVoteStep(7) });
    render(<RulesPanel />);
    const rule = executed().find((li) => li.dataset.rule === 'rv.upToDate');
    expect(rule).toBeDefined();
    expect(within(rule!).getByText(/executed/)).toBeInTheDocument();
    expect(within(rule!).getByText("B: candidate's lastLogTerm 2 > my lastLogTerm 3? no → refuse")).toBeInTheDocument();
    // The higher term the same step adopted is highlighted too; the AppendEntries receiver is not.
    expect(executed().map((li) => li.dataset.rule)).toEqual(['all.higherTerm', 'rv.upToDate']);
  });

  it('speaks Korean', () => {
    useSimStore.setState({ lang: 'ko', feed: refusedVoteStep(7) });
    render(<RulesPanel />);
    expect(screen.getByRole('heading', { name: 'RequestVote 수신자' })).toBeInTheDocument();
    expect(screen.getByText('B: 후보의 lastLogTerm 2 > 내 lastLogTerm 3? 아니요 → 거부')).toBeInTheDocument();
  });

  it('marks the rule an unsafe switch breaks, and the options on, as the frame reports them', () => {
    useSimStore.setState({
      // The feed no longer holds the actions that switched them: the frame still says what is in force.
      feed: [at(1, { kind: 'crashed', node: 'C' })],
      snapshot: {
        ...five,
        options: { ...five.options, preVote: true },
        unsafe: { ...five.unsafe, noElectionRestriction: true },
      },
    });
    render(<RulesPanel />);
    const rule = screen.getAllByRole('listitem').find((li) => li.dataset.rule === 'rv.upToDate')!;
    expect(within(rule).getByText(/broken on purpose: noElectionRestriction is on/)).toBeInTheDocument();
    const preVote = screen.getAllByRole('listitem').find((li) => li.dataset.rule === 'opt.preVote')!;
    expect(within(preVote).getByText('on')).toBeInTheDocument();
    const fast = screen.getAllByRole('listitem').find((li) => li.dataset.rule === 'opt.fastBackup')!;
    expect(within(fast).getByText('off')).toBeInTheDocument();
  });
});
