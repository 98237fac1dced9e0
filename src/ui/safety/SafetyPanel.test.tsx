// @vitest-environment jsdom
import { cleanup, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Violation } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { useViolationHighlight } from './highlight';
import { violationHighlight } from './safety';
import { SafetyPanel } from './SafetyPanel';

const nodes = ['A', 'B', 'C', 'D', 'E'].map((id) => makeNode(id));
const completeness: Violation = {
  invariant: 'Leader Completeness',
  time: 2505,
  nodes: ['E'],
  index: 2,
  term: 6,
  detail: 'E became leader of term 6 without committed entry 2',
};

const row = (name: string): HTMLElement => screen.getAllByRole('listitem').find((li) => li.dataset.invariant === name)!;

const seek = vi.fn();
beforeEach(() => {
  seek.mockClear();
  useSimStore.setState({ lang: 'en', snapshot: makeSnapshot(nodes), seek });
});
afterEach(cleanup);

describe('SafetyPanel', () => {
  it('shows the five properties of Figure 3 holding when there is no violation', () => {
    render(<SafetyPanel />);
    for (const name of [
      'Election Safety',
      'Leader Append-Only',
      'Log Matching',
      'Leader Completeness',
      'State Machine Safety',
    ]) {
      expect(within(row(name)).getByText('holds')).toBeInTheDocument();
      expect(within(row(name)).getByText('✓')).toBeInTheDocument();
    }
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('marks Leader Completeness violated, names the node and entry, and jumps to it', () => {
    useSimStore.setState({ snapshot: makeSnapshot(nodes, { violations: [completeness] }) });
    render(<SafetyPanel />);
    const bad = row('Leader Completeness');
    expect(within(bad).getByText('violated once')).toBeInTheDocument();
    expect(within(bad).getByText('✗')).toBeInTheDocument();
    expect(within(bad).getByText('node E · index 2 · term 6')).toBeInTheDocument();
    expect(within(bad).getByText('at 2,505 ms')).toBeInTheDocument();
    expect(within(row('Election Safety')).getByText('holds')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Jump to the Leader Completeness violation at 2,505 ms' }));
    expect(seek).toHaveBeenCalledWith(2505);
  });

  it('speaks Korean, with the violation worded from its fields', () => {
    useSimStore.setState({ lang: 'ko', snapshot: makeSnapshot(nodes, { violations: [completeness] }) });
    render(<SafetyPanel />);
    const bad = row('Leader Completeness');
    expect(within(bad).getByText('위반 1건')).toBeInTheDocument();
    expect(within(bad).getByText('E가 커밋된 엔트리 2를 갖지 않은 채 임기 6의 리더가 됨')).toBeInTheDocument();
    expect(within(row('Log Matching')).getByText('성립')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '2,505 ms의 리더 완전성 위반으로 이동' })).toBeInTheDocument();
  });
});

describe('violation highlight', () => {
  const election: Violation = {
    invariant: 'Election Safety',
    time: 3000,
    nodes: ['A', 'B'],
    term: 4,
    detail: 'A and B were both elected leader of term 4',
  };

  it('names the nodes and entries of the violations up to the viewed instant', () => {
    expect(violationHighlight([], 5000)).toEqual({ nodes: [], entries: [], now: [] });
    expect(violationHighlight([completeness, election], 2505)).toEqual({
      nodes: ['E'],
      entries: [{ node: 'E', index: 2 }],
      now: ['E'],
    });
    expect(violationHighlight([completeness, election], 4000)).toEqual({
      nodes: ['E', 'A', 'B'],
      entries: [{ node: 'E', index: 2 }],
      now: [],
    });
  });

  it('useViolationHighlight reads the snapshot', () => {
    useSimStore.setState({ snapshot: makeSnapshot(nodes, { time: 3000, violations: [completeness, election] }) });
    const { result } = renderHook(() => useViolationHighlight());
    expect(result.current.nodes).toEqual(['E', 'A', 'B']);
    expect(result.current.now).toEqual(['A', 'B']);
  });
});
