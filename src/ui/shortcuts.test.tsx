// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useSimStore } from '../store/sim-store';
import type { ToWorker } from '../worker/protocol';
import { useHelpStore } from './chrome/help-store';
import { useShortcuts } from './shortcuts';
import { snapshot } from './test/snapshot-fixtures';
import { connectFakeWorker } from './test/store';

let sent: ToWorker[] = [];

function Page() {
  useShortcuts();
  return (
    <div>
      <input aria-label="field" />
      <button type="button">a button</button>
    </div>
  );
}

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', speed: 0.01, playing: false, selectedNode: null, snapshot: snapshot() });
  useHelpStore.setState({ open: false });
});

describe('keyboard shortcuts', () => {
  it('plays, steps forward and back, resets and changes speed from the page', () => {
    render(<Page />);
    fireEvent.keyDown(document.body, { key: ' ' });
    expect(sent.at(-1)).toEqual({ type: 'play' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    expect(sent.at(-1)).toEqual({ type: 'step' });
    fireEvent.keyDown(document.body, { key: '.' });
    expect(sent.at(-1)).toEqual({ type: 'step' });
    fireEvent.keyDown(document.body, { key: 'ArrowLeft' });
    expect(sent.at(-1)).toEqual({ type: 'stepBack' });
    fireEvent.keyDown(document.body, { key: ',' });
    expect(sent.at(-1)).toEqual({ type: 'stepBack' });
    fireEvent.keyDown(document.body, { key: ']' });
    expect(useSimStore.getState().speed).toBeGreaterThan(0.01);
    fireEvent.keyDown(document.body, { key: '[' });
    fireEvent.keyDown(document.body, { key: '[' });
    expect(useSimStore.getState().speed).toBeLessThan(0.01);
    fireEvent.keyDown(document.body, { key: 'R' });
    expect(sent.at(-2)).toMatchObject({ type: 'load' });
  });

  it('plays, steps and resets nothing before the run is shown (a link still opening)', () => {
    useSimStore.setState({ snapshot: null });
    render(<Page />);
    for (const key of [' ', 'ArrowRight', 'ArrowLeft', 'R']) fireEvent.keyDown(document.body, { key });
    expect(sent).toEqual([]);
  });

  it('ignores keys typed into a field and keys with a modifier', () => {
    const { getByLabelText } = render(<Page />);
    fireEvent.keyDown(getByLabelText('field'), { key: 'r' });
    fireEvent.keyDown(getByLabelText('field'), { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'r', ctrlKey: true });
    expect(sent).toEqual([]);
    expect(useSimStore.getState().lang).toBe('en');
  });

  it('leaves Space to a focused button', () => {
    const { getByRole } = render(<Page />);
    fireEvent.keyDown(getByRole('button'), { key: ' ' });
    expect(sent).toEqual([]);
  });

  it('switches language, opens help and closes it or deselects with Esc', () => {
    render(<Page />);
    fireEvent.keyDown(document.body, { key: 'l' });
    expect(useSimStore.getState().lang).toBe('ko');
    fireEvent.keyDown(document.body, { key: '?' });
    expect(useHelpStore.getState().open).toBe(true);
    useSimStore.setState({ selectedNode: 'C' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(useHelpStore.getState().open).toBe(false);
    expect(useSimStore.getState().selectedNode).toBe('C');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(useSimStore.getState().selectedNode).toBeNull();
  });

  it('pauses playback when the tab is hidden', () => {
    render(<Page />);
    useSimStore.setState({ playing: true });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    fireEvent(document, new Event('visibilitychange'));
    expect(sent.at(-1)).toEqual({ type: 'pause' });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
});
