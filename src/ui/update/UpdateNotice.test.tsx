// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { UpdateNotice } from './UpdateNotice';
import { useUpdateStore } from './update-store';

afterEach(() => {
  cleanup();
  act(() => useUpdateStore.getState().later());
});

describe('UpdateNotice', () => {
  it('shows nothing until a new version waits, then reloads only when pressed', async () => {
    const reload = vi.fn();
    render(<UpdateNotice />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    act(() => useUpdateStore.getState().offer(reload));
    expect(reload).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'New version — reload' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('can be put off, and speaks Korean', async () => {
    act(() => useSimStore.setState({ lang: 'ko' }));
    render(<UpdateNotice />);
    act(() => useUpdateStore.getState().offer(() => {}));
    expect(screen.getByRole('button', { name: '새 버전 — 다시 불러오기' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '나중에' }));
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    act(() => useSimStore.setState({ lang: 'en' }));
  });
});
