// @vitest-environment jsdom
// Copy link never reports success for a link this app would refuse to open (issue 13, item 6).

import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import type { FromWorker } from '../../worker/protocol';
import { ShareButton } from './ShareButton';

function branchWith(actions: number): void {
  let reply: ((m: FromWorker) => void) | null = null;
  const scenario = scenarioSchema.parse({
    version: 1,
    nodes: 3,
    actions: Array.from({ length: actions }, (_, i) => ({ at: i, do: 'submit', command: `set k${i} ${i}` })),
  });
  useSimStore.getState().connect({
    send: (m) => {
      if (m.type === 'exportScenario')
        queueMicrotask(() => reply?.({ type: 'scenario', request: m.request, scenario, at: 10 }));
    },
    onMessage: (listener) => {
      reply = listener;
    },
    onCrash: () => undefined,
    terminate: () => undefined,
  });
}

beforeEach(() => useSimStore.setState({ lang: 'en', snapshot: null }));
afterEach(cleanup);

describe('Copy link', () => {
  it('refuses a 2,500-action run, saying why, and copies nothing', async () => {
    branchWith(2_500);
    render(<ShareButton />);
    fireEvent.click(screen.getByRole('button', { name: /Copy link/ }));
    const status = await screen.findByText(/No link was copied/, undefined, { timeout: 20_000 });
    expect(status).toHaveTextContent('actions: 2500 actions; a link holds at most 2000');
    expect(screen.queryByText(/Link copied/)).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  }, 30_000);

  it('gives the link of a run within the limits (shown to copy by hand where there is no clipboard)', async () => {
    branchWith(3);
    render(<ShareButton />);
    fireEvent.click(screen.getByRole('button', { name: /Copy link/ }));
    const field = await screen.findByRole('textbox', undefined, { timeout: 20_000 });
    expect((field as HTMLInputElement).value).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
  }, 30_000);
});
