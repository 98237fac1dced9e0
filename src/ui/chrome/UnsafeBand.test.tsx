// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import { UnsafeBand } from './UnsafeBand';

afterEach(cleanup);

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

  it.each([
    ['snapshotUncommitted', /snapshot rule \(§7/],
    ['directMembershipChange', /joint consensus \(§6, Figure 10/],
    ['changeBeforeTermCommit', /single-server change rule/],
    ['localReads', /linearizable reads \(§6\.4/],
    ['leaseIgnoresDrift', /lease bound \(§6\.4\.1/],
  ] as const)('is there for %s too: every unsafe switch is named', (key, text) => {
    const s = useSimStore.getState();
    act(() =>
      useSimStore.setState({ lang: 'en', scenario: { ...s.scenario, unsafe: { ...s.scenario.unsafe, [key]: true } } }),
    );
    render(<UnsafeBand />);
    expect(screen.getByRole('note', { name: 'Unsafe switches on' }).textContent).toMatch(text);
    act(() => useSimStore.setState({ scenario: s.scenario }));
  });
});
