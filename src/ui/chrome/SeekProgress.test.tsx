// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { connectFakeWorker, resetStore } from '../test/store';
import { SeekProgress } from './SeekProgress';

afterEach(() => {
  cleanup();
  resetStore();
});

describe('SeekProgress', () => {
  it('shows how far a far seek has got, in both languages, and Cancel asks the worker to stop', async () => {
    const sent = connectFakeWorker({ lang: 'en', seeking: { target: 3_600_000, reached: 900_000 } });
    const user = userEvent.setup();
    render(<SeekProgress />);
    expect(screen.getByRole('status')).toHaveTextContent('Computing the run up to 3600.000 s: 900.000 s so far (25%)');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '0.25');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(sent).toContainEqual({ type: 'cancelSeek' });
    act(() => useSimStore.setState({ lang: 'ko' }));
    expect(screen.getByRole('status')).toHaveTextContent('3600.000초까지 실행을 계산하는 중');
    act(() => useSimStore.setState({ seeking: null }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
