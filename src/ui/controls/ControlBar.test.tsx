// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../../store/sim-store';
import type { ToWorker } from '../../worker/protocol';
import { DEFAULT_SPEED } from '../../worker/protocol';
import { ControlBar } from './ControlBar';
import { SLIDER_MAX, SLIDER_MIN } from './speed';
import { snapshot } from '../test/snapshot-fixtures';
import { connectFakeWorker } from '../test/store';

let sent: ToWorker[] = [];

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', speed: DEFAULT_SPEED, playing: false, snapshot: null });
});

describe('ControlBar', () => {
  it('maps the speed slider onto a log scale and tells the engine', () => {
    render(<ControlBar />);
    const slider = screen.getByRole('slider', { name: 'Speed' });
    expect(slider).toHaveAttribute('aria-valuetext', '1/100×');

    fireEvent.change(slider, { target: { value: String(SLIDER_MIN) } });
    expect(useSimStore.getState().speed).toBe(0.001);
    expect(slider).toHaveAttribute('aria-valuetext', '1/1000×');
    expect(screen.getByText('1/1000×')).toBeInTheDocument();

    fireEvent.change(slider, { target: { value: String(SLIDER_MAX) } });
    expect(useSimStore.getState().speed).toBe(1);
    expect(sent).toContainEqual({ type: 'speed', speed: 1 });

    fireEvent.change(slider, { target: { value: String((SLIDER_MAX * 2) / 3) } });
    expect(useSimStore.getState().speed).toBe(0.1);
    expect(slider).toHaveAttribute('aria-valuetext', '1/10×');
  });

  it('waits for the run to be shown before it plays, steps or resets (a link may still be opening)', () => {
    render(<ControlBar />);
    for (const name of ['Play', 'Step', 'Reset']) expect(screen.getByRole('button', { name })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(sent).not.toContainEqual({ type: 'play' });
    act(() => useSimStore.setState({ snapshot: snapshot() }));
    for (const name of ['Play', 'Step', 'Reset']) expect(screen.getByRole('button', { name })).toBeEnabled();
  });

  it('plays, pauses and steps through the store', () => {
    useSimStore.setState({ snapshot: snapshot() });
    render(<ControlBar />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(sent.at(-1)).toEqual({ type: 'play' });
    act(() => useSimStore.setState({ playing: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(sent.at(-1)).toEqual({ type: 'step' });
  });

  it('speaks Korean when the language is Korean', () => {
    useSimStore.setState({ lang: 'ko' });
    render(<ControlBar />);
    expect(screen.getByRole('button', { name: '재생' })).toBeInTheDocument();
    expect(screen.getByRole('slider', { name: '속도' })).toBeInTheDocument();
  });
});
