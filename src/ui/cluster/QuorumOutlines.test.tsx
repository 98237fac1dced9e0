// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { node, snapshot } from '../test/snapshot-fixtures';
import { resetStore } from '../test/store';
import { layoutRing } from './geometry';
import { QuorumOutlines } from './QuorumOutlines';

afterEach(() => {
  cleanup();
  resetStore();
});

const IDS = ['A', 'B', 'C', 'D', 'E'];
/** C_old {A,B,C} and C_new {B,C,D,E}: A is outside C_new, and D and E outside C_old. */
function joint(): void {
  const frame = snapshot({ nodes: IDS.map((id) => node(id)) });
  const configuration = { voters: ['B', 'C', 'D', 'E'], old: ['A', 'B', 'C'], learners: [] };
  act(() => useSimStore.setState({ snapshot: { ...frame, membership: { ...frame.membership, configuration } } }));
}

/** The outline of one set: its number of closed shapes (one hull, or one ring per member). */
function shapes(set: 'old' | 'new'): number {
  const d = screen.getByTestId('joint-outlines').querySelector(`[data-set="${set}"]`)!.getAttribute('d')!;
  return d.split('Z').length - 1;
}

describe('the joint configuration’s two voter sets (§6)', () => {
  it('on a round ring, each set is one outline', () => {
    joint();
    render(<QuorumOutlines layout={layoutRing(IDS, { width: 800, height: 800 }, 12)} />);
    expect(shapes('old')).toBe(1);
    expect(shapes('new')).toBe(1);
  });

  it('on a ring flattened to a wide, short panel, a set whose outline would cover another node is a ring per member', () => {
    joint();
    const flat = layoutRing(IDS, { width: 860, height: 170 }, 12);
    render(<QuorumOutlines layout={flat} />);
    // Ring order A, B, C, D, E clockwise: C_new's hull from B round to E passes over A at the top.
    expect(shapes('new')).toBe(4);
  });
});
