// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { NodeActions } from './NodeActions';
import { node, snapshot } from '../test/snapshot-fixtures';
import { resetStore } from '../test/store';

const actSpy = vi.fn();

beforeEach(() => {
  actSpy.mockReset();
  useSimStore.setState({
    lang: 'en',
    act: actSpy,
    selectedNode: null,
    snapshot: snapshot({
      nodes: [
        node('A'),
        node('B', { alive: false, electionTimer: null }),
        node('C', { role: 'leader', currentTerm: 2, electionTimer: null }),
      ],
      network: { ...snapshot().network, isolated: ['A'] },
    }),
  });
});
afterEach(() => {
  cleanup();
  resetStore();
});

const select = (id: string) => act(() => useSimStore.setState({ selectedNode: id }));

describe('NodeActions', () => {
  it('asks for a node until one is selected, and the picker selects one', () => {
    render(<NodeActions />);
    expect(screen.getByText(/Click a node/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Kill/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Select node C' }));
    expect(useSimStore.getState().selectedNode).toBe('C');
    expect(screen.getByRole('button', { name: 'Kill C' })).toBeInTheDocument();
  });

  it('offers Restart, not Kill, on a dead node, and says why its timeout is disabled', () => {
    render(<NodeActions />);
    select('B');
    expect(screen.getByRole('button', { name: 'Restart B' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Kill B' })).toBeNull();
    const timeout = screen.getByRole('button', { name: 'Force election timeout on B' });
    expect(timeout).toBeDisabled();
    expect(timeout).toHaveAccessibleDescription('B is down');
    // A command may still be sent to it (the class watches the client retry), with a word on what happens.
    expect(screen.getByRole('textbox', { name: 'Command for B' })).toHaveAccessibleDescription(
      'B is down: a command sent to it is lost, and the client tries another node after its timeout.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Restart B' }));
    expect(actSpy).toHaveBeenCalledWith({ do: 'restart', node: 'B' });
  });

  it('offers Kill, Isolate and a timeout on a live node, each acting on that node', () => {
    render(<NodeActions />);
    select('C');
    expect(screen.queryByRole('button', { name: 'Restart C' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Kill C' }));
    fireEvent.click(screen.getByRole('button', { name: 'Isolate C' }));
    fireEvent.click(screen.getByRole('button', { name: 'Force election timeout on C' }));
    expect(actSpy.mock.calls.map((c) => c[0])).toEqual([
      { do: 'kill', node: 'C' },
      { do: 'isolate', node: 'C' },
      { do: 'timeout', node: 'C' },
    ]);
  });

  it('offers Restore on an isolated node', () => {
    render(<NodeActions />);
    select('A');
    expect(screen.queryByRole('button', { name: 'Isolate A' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Restore A' }));
    expect(actSpy).toHaveBeenCalledWith({ do: 'restore', node: 'A' });
  });

  it('sends a typed command to the selected node', () => {
    render(<NodeActions />);
    select('C');
    const send = screen.getByRole('button', { name: 'Send to C' });
    expect(send).toBeDisabled();
    fireEvent.change(screen.getByRole('textbox', { name: 'Command for C' }), { target: { value: ' set x 1 ' } });
    fireEvent.click(send);
    expect(actSpy).toHaveBeenCalledWith({ do: 'submit', command: 'set x 1', node: 'C' });
    expect(screen.getByRole('textbox', { name: 'Command for C' })).toHaveValue('');
  });

  it('names its buttons in Korean, with the node', () => {
    useSimStore.setState({ lang: 'ko' });
    render(<NodeActions />);
    select('B');
    expect(screen.getByRole('button', { name: 'B 재시작' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'B 중지' })).toBeNull();
    select('C');
    expect(screen.getByRole('button', { name: 'C 중지' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'C 고립' })).toBeInTheDocument();
  });
});
