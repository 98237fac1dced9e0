// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, useSimStore } from '../../store/sim-store';
import type { ToWorker } from '../../worker/protocol';
import { SettingsPanel } from './SettingsPanel';
import { makeNode, makeSnapshot } from '../test/snapshot-fixtures';
import { connectFakeWorker } from '../test/store';

let sent: ToWorker[] = [];

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', scenario: DEFAULT_SCENARIO, snapshot: null });
});

const acts = () => sent.flatMap((m) => (m.type === 'act' ? [m.action] : []));

describe('SettingsPanel', () => {
  it('shows the majority for the chosen size and loads a new cluster of that size', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    expect(screen.getByText('Majority 3 · tolerates 2 failures')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cluster size' }), '4');
    const load = sent.find((m) => m.type === 'load');
    expect(load).toMatchObject({ type: 'load', scenario: { nodes: 4, actions: [], initial: {} } });
    expect(screen.getByText('Majority 3 · tolerates 1 failure')).toBeInTheDocument();
  });

  it('starts a new run with the timing chosen, and refuses timing outside the bounds naming the field', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByText('Timing'));
    const heartbeat = screen.getByRole('spinbutton', { name: 'Heartbeat interval (ms)' });
    await user.clear(heartbeat);
    await user.type(heartbeat, '100');
    await user.click(screen.getByRole('button', { name: 'Apply timing' }));
    // 150 ms is less than 2 × 100 ms: refused, nothing loaded.
    expect(screen.getByRole('alert')).toHaveTextContent('timing.electionTimeout');
    expect(sent.some((m) => m.type === 'load')).toBe(false);

    const shortest = screen.getByRole('spinbutton', { name: 'Shortest election timeout (ms)' });
    await user.clear(shortest);
    await user.type(shortest, '200');
    await user.click(screen.getByRole('button', { name: 'Apply timing' }));
    expect(sent.find((m) => m.type === 'load')).toMatchObject({
      scenario: { timing: { electionTimeout: [200, 300], heartbeatInterval: 100 } },
    });
  });

  it("re-arms one node's election timer (a live setTimeout) and refuses a time that is not one", async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByText('Timing'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Node' }), 'C');
    const ms = screen.getByRole('spinbutton', { name: 'Fires in (ms)' });
    await user.clear(ms);
    await user.type(ms, '40');
    await user.click(screen.getByRole('button', { name: 'Set timer' }));
    expect(acts().at(-1)).toEqual({ do: 'setTimeout', node: 'C', ms: 40 });
    await user.clear(ms);
    await user.click(screen.getByRole('button', { name: 'Set timer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('from 0 to');
    expect(acts()).toHaveLength(1);
  });

  it('splits the network into the chosen groups and refuses a single group', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByText('Network partition'));
    await user.click(screen.getByRole('button', { name: 'Split the network' }));
    expect(acts().at(-1)).toEqual({
      do: 'partition',
      groups: [
        ['A', 'B', 'C'],
        ['D', 'E'],
      ],
    });
    for (const node of ['D', 'E']) {
      await user.selectOptions(screen.getByRole('combobox', { name: `Group of node ${node}` }), '1');
    }
    await user.click(screen.getByRole('button', { name: 'Split the network' }));
    expect(screen.getByRole('alert')).toHaveTextContent('at least two groups');
    expect(acts()).toHaveLength(1);
  });

  it('cuts a link, and offers to mend only a link that is cut', async () => {
    const user = userEvent.setup();
    useSimStore.setState({ snapshot: makeSnapshot(['A', 'B', 'C', 'D', 'E'].map((id) => makeNode(id))) });
    render(<SettingsPanel />);
    await user.click(screen.getByText('Cut a link'));
    expect(screen.getByRole('button', { name: 'Mend link' })).toBeDisabled();
    expect(screen.getByText('A ⇄ B is not cut: nothing to mend.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Cut link' }));
    expect(acts().at(-1)).toEqual({ do: 'cut', from: 'A', to: 'B', oneWay: false });
    // The worker reports the cut link in the next frame.
    act(() =>
      useSimStore.setState({
        snapshot: makeSnapshot(
          ['A', 'B', 'C', 'D', 'E'].map((id) => makeNode(id)),
          {
            network: { ...makeSnapshot([]).network, cutLinks: ['A>B', 'B>A'] },
          },
        ),
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Mend link' }));
    expect(acts().at(-1)).toEqual({ do: 'mend', from: 'A', to: 'B', oneWay: false });
  });

  it('keeps a section open after the panel is closed and opened again', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<SettingsPanel />);
    const options = () => screen.getByText('Engine options').closest('details')!;
    expect(options()).not.toHaveAttribute('open');
    await user.click(screen.getByText('Engine options'));
    expect(options()).toHaveAttribute('open');
    unmount();
    render(<SettingsPanel />);
    expect(options()).toHaveAttribute('open');
  });

  it('turns an unsafe switch on live and keeps it for the next reset', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    await user.click(screen.getByText('Unsafe teaching switches'));
    await user.click(screen.getByRole('checkbox', { name: 'No election restriction' }));
    expect(acts().at(-1)).toEqual({ do: 'setOptions', options: {}, unsafe: { noElectionRestriction: true } });
    expect(useSimStore.getState().scenario.unsafe.noElectionRestriction).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'No election restriction' })).toBeChecked();
  });
});
