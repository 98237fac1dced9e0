// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { resetStore } from '../test/store';
import { MessageLegend } from './MessageLegend';

afterEach(() => {
  cleanup();
  resetStore();
});

describe('MessageLegend', () => {
  it('keys the glyphs of leadership transfer and reads without the log (thesis §3.10, §6.4)', () => {
    useSimStore.setState({ lang: 'en' });
    render(<MessageLegend />);
    const list = within(screen.getByRole('list', { name: 'Message key' }));
    expect(list.getByText('TimeoutNow (leadership transfer)')).toBeInTheDocument();
    expect(list.getByText('AppendEntries heartbeat with read context')).toBeInTheDocument();
    expect(list.getByText('ReadIndex')).toBeInTheDocument();
  });
});
