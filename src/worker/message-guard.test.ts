import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { EngineHost } from './engine-host';
import { messageProblem } from './message-guard';
import type { FromWorker, LiveAction, ToWorker } from './protocol';
import { unpacking } from './test/unpacking';

const scenario = scenarioSchema.parse({ version: 1, nodes: 3, seed: 1 });

describe('messages the worker refuses', () => {
  it.each<[string, ToWorker, string]>([
    ['a seek to NaN', { type: 'seek', time: NaN }, 'seek: time is NaN'],
    ['a seek to Infinity', { type: 'seek', time: Infinity }, 'seek: time is Infinity'],
    ['a seek to 1e308 ms', { type: 'seek', time: 1e308 }, 'seek.time: a time from 0'],
    ['a negative seek', { type: 'seek', time: -5 }, 'seek.time'],
    ['a speed of NaN', { type: 'speed', speed: NaN }, 'speed: speed is NaN'],
    ['a load at -Infinity', { type: 'load', scenario, at: -Infinity }, 'load: at is -Infinity'],
    [
      'a scenario with a NaN heartbeat',
      { type: 'load', scenario: { ...scenario, timing: { ...scenario.timing, heartbeatInterval: NaN } } },
      'load: scenario.timing.heartbeatInterval is NaN',
    ],
    [
      'an action with an infinite latency',
      { type: 'act', action: { do: 'network', latency: [0, Infinity] } },
      'act: action.latency[1] is Infinity',
    ],
    [
      'a spread-out path with an action at 1e308 ms',
      {
        type: 'actSpread',
        actions: [{ do: 'timeout', node: 'A' }, { do: 'timeout', node: 'B', at: 1e308 } as LiveAction],
      },
      'actSpread.actions[1].at',
    ],
    ['a space-time window to 1e308', { type: 'spaceTime', from: 0, to: 1e308, request: 1 }, 'spaceTime.to'],
  ])('%s', (_name, message, expected) => {
    expect(messageProblem(message)).toContain(expected);
  });

  it.each<ToWorker>([
    { type: 'seek', time: 0 },
    { type: 'seek', time: 86_400_000 },
    { type: 'speed', speed: 0.5 },
    { type: 'load', scenario, at: 1200 },
    { type: 'act', action: { do: 'network', dropRate: 0.2, latency: [5, 10] } },
    { type: 'actSpread', actions: [{ do: 'timeout', node: 'A' }] },
    { type: 'ready' },
  ])('lets %o through', (message) => {
    expect(messageProblem(message)).toBeUndefined();
  });

  it('a refused seek leaves the engine where it was, says why, and the next seek works', () => {
    const posted: FromWorker[] = [];
    const host = new EngineHost(
      unpacking((m) => posted.push(m)),
      { now: () => 0, every: () => () => {} },
    );
    host.receive({ type: 'load', scenario });
    host.receive({ type: 'ready' });
    host.receive({ type: 'seek', time: 300 });
    host.receive({ type: 'ready' });
    const frames = () => posted.filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');
    const before = frames().length;

    host.receive({ type: 'seek', time: NaN });
    expect(posted.at(-1)).toEqual({ type: 'error', message: expect.stringContaining('seek: time is NaN') });
    expect(frames()).toHaveLength(before);

    host.receive({ type: 'seek', time: 500 });
    expect(frames().at(-1)!.snapshot.time).toBe(500);
  });
});
