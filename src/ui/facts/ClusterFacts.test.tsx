// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
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
    expect(fact(/Majority needed/)).toBe('3');
    expect(fact(/Failures tolerated/)).toBe('2');
  });

  it('shows majority 3 and tolerance 1 for 4 nodes', () => {
    useSimStore.setState({ snapshot: makeSnapshot(nodes(4)) });
    render(<ClusterFacts />);
    expect(fact(/Majority needed/)).toBe('3');
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
    expect(fact(/필요한 과반수/)).toBe('3');
    expect(fact(/허용 가능한 장애 수/)).toBe('2');
  });
});
