// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { snapshot } from '../test/snapshot-fixtures';
import { resetStore } from '../test/store';
import { useSideStore } from './side-store';
import { SidePanels } from './SidePanels';

beforeEach(() => {
  useSimStore.setState({ lang: 'en', selectedNode: null, selectedMessage: null, snapshot: snapshot() });
  useSideStore.setState({ tab: 'events' });
});
afterEach(() => {
  cleanup();
  resetStore();
});

describe('side panels', () => {
  it('are tabs: one selected, its panel labelled by it, arrows and Home/End move between them', () => {
    render(<SidePanels />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual([
      'Events',
      'Node',
      'Space-time',
      'History',
      'Safety',
      'Rules',
      'Settings',
    ]);
    const events = screen.getByRole('tab', { name: 'Events' });
    expect(events).toHaveAttribute('aria-selected', 'true');
    expect(events).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'Node' })).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tabpanel', { name: 'Events' })).toBeInTheDocument();

    events.focus();
    fireEvent.keyDown(events, { key: 'ArrowRight' });
    const node = screen.getByRole('tab', { name: 'Node' });
    expect(node).toHaveAttribute('aria-selected', 'true');
    expect(node).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Node' })).toBeInTheDocument();
    fireEvent.keyDown(node, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Settings' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Events' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Events' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  });

  it('opens the Node tab when a node is chosen anywhere', () => {
    render(<SidePanels />);
    act(() => useSimStore.getState().selectNode('C'));
    expect(screen.getByRole('tab', { name: 'Node' })).toHaveAttribute('aria-selected', 'true');
  });

  it('counts violations up to the viewed instant on the Safety tab', () => {
    const violation = { invariant: 'Election Safety' as const, time: 100, nodes: ['A', 'B'], detail: 'two leaders' };
    useSimStore.setState({ snapshot: snapshot({ time: 50, violations: [violation] }) });
    render(<SidePanels />);
    expect(screen.getByRole('tab', { name: 'Safety' })).toBeInTheDocument();
    act(() => useSimStore.setState({ snapshot: snapshot({ time: 120, violations: [violation] }) }));
    expect(screen.getByRole('tab', { name: 'Safety, 1 violation' })).toBeInTheDocument();
  });

  it('embed mode has no Settings tab and no node actions', () => {
    render(<SidePanels embed />);
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Node' }));
    expect(screen.queryByRole('button', { name: /^Select node / })).toBeNull();
  });

  it('speaks Korean', () => {
    useSimStore.setState({ lang: 'ko' });
    render(<SidePanels />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      '이벤트',
      '노드',
      '시공간',
      '기록',
      '안전성',
      '규칙',
      '설정',
    ]);
  });
});
