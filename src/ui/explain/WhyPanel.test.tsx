// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { StepWhy } from './StepWhy';
import { refusedVoteStep } from './test-records';
import { WhyPanel } from './WhyPanel';

const five = makeSnapshot(['A', 'B', 'C', 'D', 'E'].map((id) => makeNode(id)));

beforeEach(() => useSimStore.setState({ lang: 'en', snapshot: five, feed: [], selectedMessage: null }));
afterEach(cleanup);

describe('StepWhy (the feed\'s "Why?" button)', () => {
  it('opens the explanations of its step with the evaluated condition, and closes them', () => {
    const records = refusedVoteStep(7);
    render(<StepWhy records={records} time="70 ms" />);
    expect(screen.queryByText(/refused to vote for E/)).toBeNull();
    const button = screen.getByRole('button', { name: 'Why? Explain the step at 70 ms' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);
    expect(screen.getByText("B refused to vote for E: E's last log term 2 is older than B's 3")).toBeInTheDocument();
    expect(screen.getByText("candidate's lastLogTerm 2 > my lastLogTerm 3? no → refuse")).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Hide the explanation of the step at 70 ms' }));
    expect(screen.queryByText(/refused to vote for E/)).toBeNull();
  });
});

describe('WhyPanel', () => {
  it('explains the latest step and why the selected message was sent, in Korean too', () => {
    const records = refusedVoteStep(7);
    const reply = records[3]!;
    if (reply.kind !== 'sent') throw new Error('no reply');
    useSimStore.setState({
      feed: records,
      selectedMessage: reply.message.id,
      snapshot: makeSnapshot(five.nodes, { messages: [reply.message] }),
    });
    const { rerender } = render(<WhyPanel />);
    expect(screen.getByRole('heading', { name: `Why was message #${reply.message.id} sent?` })).toBeInTheDocument();
    expect(screen.getByText(/^the answer of B to E's RequestVote for term 5: refused/)).toBeInTheDocument();
    expect(screen.getByText("B refused to vote for E: E's last log term 2 is older than B's 3")).toBeInTheDocument();
    useSimStore.setState({ lang: 'ko' });
    rerender(<WhyPanel />);
    expect(screen.getByText('B가 E에게 투표를 거부함: E의 마지막 로그 임기 2가 B의 3보다 오래됨')).toBeInTheDocument();
  });
});
