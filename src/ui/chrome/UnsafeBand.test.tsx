// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { UnsafeBand } from './UnsafeBand';

describe('UnsafeBand', () => {
  it('names the broken rule while an unsafe switch is on, in both languages, and is gone when none is', () => {
    const s = useSimStore.getState();
    act(() =>
      useSimStore.setState({
        lang: 'en',
        scenario: { ...s.scenario, unsafe: { ...s.scenario.unsafe, commitPreviousTerms: true } },
      }),
    );
    const { rerender } = render(<UnsafeBand />);
    expect(screen.getByRole('note', { name: 'Unsafe switches on' }).textContent).toMatch(/commit rule \(§5\.4\.2/);
    act(() => useSimStore.setState({ lang: 'ko' }));
    rerender(<UnsafeBand />);
    expect(screen.getByRole('note').textContent).toMatch(/커밋 규칙/);
    act(() =>
      useSimStore.setState({
        scenario: { ...s.scenario, unsafe: { ...s.scenario.unsafe, commitPreviousTerms: false } },
      }),
    );
    rerender(<UnsafeBand />);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
