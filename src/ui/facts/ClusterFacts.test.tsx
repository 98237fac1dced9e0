// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { Quorum } from '../../raft/quorum';
import type { Configuration } from '../../raft/types';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { ClusterFacts } from './ClusterFacts';

function fact(name: string | RegExp): string {
  const dt = screen.getByText(name, { selector: 'dt' });
  return dt.nextElementSibling!.textContent ?? '';
}

const nodes = (n: number) =>
  'ABCDEFGHI'
    .slice(0, n)
    .split('')
    .map((id) => makeNode(id, { currentTerm: 2 }));

beforeEach(() => useSimStore.setState({ lang: 'en' }));
afterEach(cleanup);

describe('ClusterFacts', () => {
  it('shows majority 3 and tolerance 2 for 5 nodes', () => {
    useSimStore.setState({ snapshot: makeSnapshot(nodes(5)) });
    render(<ClusterFacts />);
    expect(fact('Cluster size N')).toBe('5');
    expect(fact(/Majority needed/)).toBe('3 needs a majority of {A,B,C,D,E}');
    expect(fact(/Failures tolerated/)).toBe('2');
  });

  it('shows majority 3 and tolerance 1 for 4 nodes', () => {
    useSimStore.setState({ snapshot: makeSnapshot(nodes(4)) });
    render(<ClusterFacts />);
    expect(fact(/Majority needed/)).toBe('3 needs a majority of {A,B,C,D}');
    expect(fact(/Failures tolerated/)).toBe('1');
  });

  it('shows live nodes, the leader with the highest term first, and warns without a majority', () => {
    const five = nodes(5).map((n) =>
      n.id === 'A'
        ? { ...n, role: 'leader' as const, currentTerm: 3 }
        : n.id === 'E'
          ? { ...n, role: 'leader' as const, currentTerm: 1 }
          : n.id === 'B' || n.id === 'C' || n.id === 'D'
            ? { ...n, alive: n.id === 'B' }
            : n,
    );
    useSimStore.setState({ snapshot: makeSnapshot(five, { time: 12345 }) });
    render(<ClusterFacts />);
    expect(fact('Live nodes')).toMatch(/^3 of 5/);
    expect(screen.queryByRole('status')).toBeNull();
    expect(fact('Leader')).toMatch(/^♛ A \(term 3\)♛ E \(term 1\) — an old leader/);
    expect(fact('Highest term')).toBe('3');
    expect(fact('Virtual time')).toBe('12,345 ms');

    const dead = five.map((n) => (n.id === 'A' ? { ...n, alive: false } : n));
    act(() => useSimStore.setState({ snapshot: makeSnapshot(dead) }));
    expect(screen.getByRole('status')).toHaveTextContent('fewer than a majority');
  });

  it('links to the feed in red when an invariant is broken', () => {
    useSimStore.setState({
      snapshot: makeSnapshot(nodes(3), {
        violations: [
          { invariant: 'Election Safety', time: 500, nodes: ['A', 'B'], term: 2, detail: 'two leaders in term 2' },
        ],
      }),
    });
    render(<ClusterFacts />);
    const link = screen.getByRole('link', { name: /1 invariant violation: Election Safety/ });
    expect(link).toHaveAttribute('href', '#feed-violations');
  });

  it('speaks Korean', () => {
    useSimStore.setState({ lang: 'ko', snapshot: makeSnapshot(nodes(5)) });
    render(<ClusterFacts />);
    expect(fact(/필요한 과반수/)).toBe('3 {A,B,C,D,E}의 과반수가 필요');
    expect(fact(/허용 가능한 장애 수/)).toBe('2');
  });
});

/** Five nodes; B leads and uses `configuration` (the others keep theirs: the facts follow the leader's). */
function ledBy(configuration: Configuration, dead: readonly string[] = []) {
  return makeSnapshot(
    nodes(5).map((n) => ({
      ...n,
      alive: !dead.includes(n.id),
      ...(n.id === 'B' ? { role: 'leader' as const, configuration, quorum: new Quorum(configuration).describe() } : {}),
    })),
  );
}

const JOINT: Configuration = { voters: ['B', 'C', 'D', 'E'], old: ['A', 'B', 'C'], learners: [] };

describe('ClusterFacts under membership changes (§6)', () => {
  it('counts the voters only and names the servers without a vote', () => {
    useSimStore.setState({ snapshot: ledBy({ voters: ['A', 'B', 'C'], learners: ['D'] }) });
    render(<ClusterFacts />);
    expect(fact('Cluster size N')).toBe('3 voting members; + D, E without a vote');
    expect(fact(/Majority needed/)).toBe('2 needs a majority of {A,B,C}');
    expect(fact(/Failures tolerated/)).toBe('1');
    expect(fact('Live nodes')).toBe('3 of 3');
  });

  it('needs a majority of C_old and of C_new in a joint configuration', () => {
    useSimStore.setState({ snapshot: ledBy(JOINT) });
    render(<ClusterFacts />);
    expect(screen.getByTestId('quorum-needs')).toHaveTextContent(
      'joint configuration C_old,new (§6): needs a majority of {A,B,C} and of {B,C,D,E}',
    );
    expect(fact(/Majority needed/)).toMatch(/^2 \+ 3 /);
    expect(fact('Cluster size N')).toBe('5');
    // Each set must keep its majority: {A,B,C} survives 1 failure, {B,C,D,E} 1.
    expect(fact(/Failures tolerated/)).toBe('1');
  });

  it('warns when one set of a joint configuration has lost its majority', () => {
    useSimStore.setState({ snapshot: ledBy(JOINT, ['A', 'C']) });
    render(<ClusterFacts />);
    expect(fact('Live nodes')).toMatch(/^3 of 5/);
    expect(screen.getByRole('status')).toHaveTextContent('fewer than a majority');
  });

  it('says both majorities in Korean', () => {
    useSimStore.setState({ lang: 'ko', snapshot: ledBy(JOINT) });
    render(<ClusterFacts />);
    expect(screen.getByTestId('quorum-needs')).toHaveTextContent(
      '공동 합의 구성 C_old,new (§6): {A,B,C}의 과반수와 {B,C,D,E}의 과반수가 모두 필요',
    );
  });

  it('names the servers without a vote in Korean', () => {
    useSimStore.setState({ lang: 'ko', snapshot: ledBy({ voters: ['A', 'B', 'C'], learners: [] }) });
    render(<ClusterFacts />);
    expect(fact('클러스터 크기 N')).toBe('3 투표하는 멤버; + 투표권 없는 D, E');
    expect(fact(/필요한 과반수/)).toBe('2 {A,B,C}의 과반수가 필요');
  });
});
