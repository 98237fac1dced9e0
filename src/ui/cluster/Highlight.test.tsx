// @vitest-environment jsdom
// Linked highlighting: what other views point at shows on the ring and in the logs.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../scenario/narration';
import type { ClusterFrame } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { closeLesson, useLessonStore } from '../lessons/lesson-state';
import { LogTable } from '../logs/LogTable';
import { ClusterView } from './ClusterView';
import { envelope, node, snapshot } from '../test/snapshot-fixtures';
import { resetStore } from '../test/store';

beforeEach(() => {
  useSimStore.setState({ lang: 'en', selectedNode: null, selectedMessage: null, hoveredMessage: null });
});
afterEach(() => {
  cleanup();
  closeLesson();
  resetStore();
});

function show(s: ClusterFrame): void {
  act(() => useSimStore.setState({ snapshot: s }));
}

/** The node on the ring (the log table's row labels carry the same name, after it). */
const nodeButton = (id: string): Element => screen.getAllByRole('button', { name: new RegExp(`^Node ${id}, `) })[0]!;

const entry = { term: 1, command: 'set x 1' };

describe('linked highlighting', () => {
  it('enlarges the message hovered in another view, and only that one', () => {
    render(<ClusterView />);
    show(
      snapshot({
        messages: [
          envelope(1, {
            payload: {
              type: 'RequestVote',
              term: 1,
              candidateId: 'A',
              lastLogIndex: 0,
              lastLogTerm: 0,
            },
          }),
          envelope(2, {
            from: 'B',
            to: 'C',
            payload: {
              type: 'RequestVote',
              term: 1,
              candidateId: 'B',
              lastLogIndex: 0,
              lastLogTerm: 0,
            },
          }),
        ],
      }),
    );
    expect(document.querySelector('[data-hovered]')).toBeNull();
    act(() => useSimStore.getState().hoverMessage(2));
    const hovered = document.querySelectorAll('[data-hovered]');
    expect(hovered).toHaveLength(1);
    expect(hovered[0]).toHaveAttribute('aria-label', 'RequestVote from B to C, term 1');
    act(() => useSimStore.getState().hoverMessage(null));
    expect(document.querySelector('[data-hovered]')).toBeNull();
  });

  it('marks the nodes and entries a violation names, strongest at its instant', () => {
    render(
      <>
        <ClusterView />
        <LogTable />
      </>,
    );
    const violation = {
      invariant: 'Log Matching' as const,
      time: 100,
      nodes: ['B', 'C'],
      index: 1,
      detail: 'B and C differ at index 1',
    };
    const nodes = ['A', 'B', 'C', 'D', 'E'].map((id) => node(id, { log: [entry], commitIndex: 1 }));
    show(snapshot({ time: 100, nodes, violations: [violation] }));
    expect(nodeButton('B')).toHaveAttribute('data-violation', 'now');
    expect(nodeButton('C')).toHaveAttribute('data-violation', 'now');
    expect(nodeButton('A')).not.toHaveAttribute('data-violation');
    const flagged = document.querySelectorAll('[data-flag="violation"]');
    expect(flagged).toHaveLength(2);

    show(snapshot({ time: 150, nodes, violations: [violation] }));
    expect(nodeButton('B')).toHaveAttribute('data-violation', 'past');
    // Before it happened, nothing is marked.
    show(snapshot({ time: 50, nodes, violations: [violation] }));
    expect(nodeButton('B')).not.toHaveAttribute('data-violation');
    expect(document.querySelector('[data-flag]')).toBeNull();
  });

  it('rings the nodes and log indexes of the lesson pause on screen, not in free play', () => {
    render(
      <>
        <ClusterView />
        <LogTable />
      </>,
    );
    show(snapshot({ nodes: ['A', 'B', 'C'].map((id) => node(id, { log: [entry, entry] })) }));
    const lesson: Lesson = {
      id: 'test',
      section: '4',
      title: { en: 'Test', ko: '시험' },
      summary: { en: '', ko: '' },
      scenario: { version: 1, nodes: 3 },
      beats: [{ at: 0, caption: { en: 'Look', ko: '보세요' }, focus: { nodes: ['B'], indexes: [2] } }],
    };
    act(() =>
      useLessonStore.setState({ lesson, beat: 0, answers: {}, minimized: false, target: null, targetBeat: null }),
    );
    expect(nodeButton('B')).toHaveAttribute('data-focus', 'true');
    expect(nodeButton('A')).not.toHaveAttribute('data-focus');
    const focused = document.querySelectorAll('[data-flag="focus"]');
    expect(focused).toHaveLength(1);
    expect(focused[0]).toHaveAttribute('aria-label', expect.stringMatching(/^index 2, /));

    act(() => useLessonStore.setState({ minimized: true }));
    expect(nodeButton('B')).not.toHaveAttribute('data-focus');
    expect(document.querySelector('[data-flag]')).toBeNull();
  });
});
