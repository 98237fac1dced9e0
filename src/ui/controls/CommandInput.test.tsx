// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import type { ToWorker } from '../../worker/protocol';
import { CommandInput } from './CommandInput';
import { connectFakeWorker } from '../test/store';

let sent: ToWorker[] = [];

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en' });
});

const submitted = (): ToWorker[] => sent.filter((m) => m.type === 'act');

describe('CommandInput', () => {
  it('refuses a malformed command with a message and sends nothing', async () => {
    const user = userEvent.setup();
    render(<CommandInput />);
    const field = screen.getByRole('combobox', { name: 'Client command' });
    await user.type(field, 'put x 1{Enter}');
    expect(screen.getByText(/Unknown operation "put"/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/Unknown operation "put"/);
    expect(submitted()).toEqual([]);

    // Corrected text clears the refusal as the user types.
    await user.clear(field);
    await user.type(field, 'set x 1');
    expect(screen.queryByText(/Unknown operation/)).not.toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'false');
  });

  it('sends a well-formed command to the cluster and clears the field', async () => {
    const user = userEvent.setup();
    render(<CommandInput />);
    const field = screen.getByRole('combobox', { name: 'Client command' });
    await user.type(field, '  set   name raft ');
    await user.click(screen.getByRole('button', { name: 'Send to leader' }));
    expect(submitted()).toEqual([{ type: 'act', action: { do: 'submit', command: 'set name raft' } }]);
    expect(field).toHaveValue('');
  });

  it('says the command was sent, for a few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(<CommandInput />);
      await user.type(screen.getByRole('combobox', { name: 'Client command' }), 'set x 1{Enter}');
      const said = 'Sent “set x 1” to the cluster; the client finds the leader.';
      expect(screen.getByText(said)).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(4000));
      expect(screen.queryByText(said)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('fills the field from an example', async () => {
    const user = userEvent.setup();
    render(<CommandInput />);
    await user.click(screen.getByRole('button', { name: 'Type “del x”' }));
    expect(screen.getByRole('combobox', { name: 'Client command' })).toHaveValue('del x');
  });

  it('explains the refusal in Korean', async () => {
    const user = userEvent.setup();
    act(() => useSimStore.getState().setLang('ko'));
    render(<CommandInput />);
    await user.type(screen.getByRole('combobox', { name: '클라이언트 명령' }), 'set x{Enter}');
    expect(screen.getByText('"set x"에는 값이 필요합니다: set x VALUE')).toBeInTheDocument();
  });

  it('shows an HTML-looking command as text, never as markup', async () => {
    const user = userEvent.setup();
    const { container } = render(<CommandInput />);
    await user.type(screen.getByRole('combobox', { name: 'Client command' }), '<img src=x onerror=alert(1)>{Enter}');
    expect(screen.getByText(/Unknown operation "<img"/)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });
});
