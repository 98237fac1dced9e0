// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deposedLeader } from '../../check/deposed-leader.fixture';
import { scenarioSchema } from '../../scenario/schema';
import { History } from '../../sim/history';
import { ClientHistoryTracker } from '../../worker/client-history';
import type { ClientHistoryView, HistoryOperation } from '../../worker/protocol';
import { connectFakeWorker, resetStore } from '../test/store';
import { HistoryPanel, staleSentence } from './HistoryPanel';
import { HISTORY_STRINGS } from './strings';
import { stringsFor } from '../i18n';

afterEach(() => {
  cleanup();
  resetStore();
});

/** The view the worker sends for that run at 4 s (computed by the worker's own code). */
function viewOf(reads: 'log' | 'readIndex', localReads: boolean, maxSteps?: number): ClientHistoryView {
  const h = new History(scenarioSchema.parse(deposedLeader(reads, localReads)));
  h.runUntil(4000);
  return new ClientHistoryTracker(maxSteps === undefined ? {} : { maxSteps }).view(h);
}

function show(view: ClientHistoryView, lang: 'en' | 'ko' = 'en') {
  const sent = connectFakeWorker({ lang, clientHistory: view });
  render(<HistoryPanel />);
  return sent;
}

describe('HistoryPanel', () => {
  it('asks the worker for the history rather than computing it', async () => {
    const sent = show(viewOf('readIndex', false));
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'clientHistory')).toBe(true));
  });

  it('shows the order found when the history is linearizable, each operation a named button', () => {
    show(viewOf('readIndex', false));
    expect(screen.getByTestId('history-verdict')).toHaveTextContent('✓ Linearizable');
    const set1 = screen.getByRole('button', { name: /^set x 1, client 1, 800–\d+ ms, returned 1 from A, 1st on x/ });
    const set2 = screen.getByRole('button', {
      name: /^set x 2, client 1, 1,500–[\d,]+ ms, returned 2 from [BC], 2nd on x/,
    });
    const get = screen.getByRole('button', { name: /^get x, client 1, 1,700–[\d,]+ ms, returned 2 .*3rd on x/ });
    expect(within(set1).getByText('1')).toBeInTheDocument();
    expect(within(set2).getByText('2')).toBeInTheDocument();
    expect(within(get).getByText('3')).toBeInTheDocument();
  });

  it('names the stale read when the history is not linearizable', () => {
    show(viewOf('log', true));
    const verdict = screen.getByTestId('history-verdict');
    expect(verdict).toHaveTextContent('✗ Not linearizable (key x)');
    expect(verdict).toHaveTextContent('get x returned 1, but set x 2 had completed before it began');
    expect(screen.getByRole('button', { name: /^get x, .*returned 1 from A, the stale read$/ })).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^set x 2, .*part of the non-linearizable history$/ }),
    ).toBeInTheDocument();
    // No order is claimed for a key that has none.
    expect(screen.queryByRole('button', { name: /in the order found/ })).toBeNull();
  });

  it('says so in Korean too', () => {
    show(viewOf('log', true), 'ko');
    expect(screen.getByTestId('history-verdict')).toHaveTextContent(
      'get x가 1을(를) 반환했지만, set x 2는 그 읽기가 시작되기 전에 이미 완료되었습니다',
    );
    expect(screen.getByRole('button', { name: /^get x, 클라이언트 1, .*낡은 읽기$/ })).toBeInTheDocument();
  });

  it('shows an undecided search as undecided, never as a pass', () => {
    show(viewOf('readIndex', false, 1));
    const verdict = screen.getByTestId('history-verdict');
    expect(verdict).toHaveTextContent('? Undecided (key x)');
    expect(verdict).toHaveTextContent('This is not a pass');
    expect(screen.queryByText('✓ Linearizable')).toBeNull();
    expect(screen.queryByRole('button', { name: /in the order found/ })).toBeNull();
  });

  it('moves the run to the instant an operation was invoked when it is clicked', () => {
    const view = viewOf('log', true);
    const seek = vi.fn();
    connectFakeWorker({ lang: 'en', clientHistory: view, seek });
    render(<HistoryPanel />);
    fireEvent.click(screen.getByRole('button', { name: /^get x, / }));
    expect(seek).toHaveBeenCalledWith(view.operations.find((o) => o.command === 'get x')!.call);
  });

  it('invites a command while the history is empty', () => {
    show({ operations: [], total: 0, clients: 0, keys: [], end: 0 });
    expect(screen.getByText(/No client operations yet/)).toBeInTheDocument();
  });
});

describe('staleSentence', () => {
  // The worker's checker counts the run's initial snapshot as writes with negative ids (src/check/initial-state.ts);
  // no row draws them, so the sentence names the snapshot rather than an id.
  const verdict = {
    key: 'x',
    outcome: 'notLinearizable',
    core: [-1, 4],
    until: 900,
    stale: { kind: 'overwritten', read: 4, write: -1 },
  } as const;
  const read: HistoryOperation = {
    id: 4,
    command: 'get x',
    key: 'x',
    client: 1,
    call: 800,
    ret: 900,
    result: '(none)',
    failedAt: null,
    by: 'A',
    order: null,
    inCore: true,
  };
  const ops = new Map([[read.id, read]]);

  it('names a write of the initial snapshot as such, in both languages', () => {
    expect(staleSentence(verdict, ops, stringsFor(HISTORY_STRINGS, 'en'))).toContain(
      'but the write in the snapshot the run starts with had completed before it began',
    );
    expect(staleSentence(verdict, ops, stringsFor(HISTORY_STRINGS, 'ko'))).toContain('시작 스냅샷의 쓰기는');
  });
});
