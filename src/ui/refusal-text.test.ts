import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { Simulation } from '../sim/simulation';
import { refusalMessage } from './refusal-text';

describe('refused actions in both languages', () => {
  it('words the engine refusal of killing a dead node in Korean and English', () => {
    const sim = new Simulation(scenarioSchema.parse({ version: 1, nodes: 3 }));
    expect(sim.perform({ at: 0, do: 'kill', node: 'B' })).toBeUndefined();
    const refusal = sim.perform({ at: 0, do: 'kill', node: 'B' });
    expect(refusal).toBeDefined();
    expect(refusalMessage(refusal!, 'en')).toBe('B is already down.');
    expect(refusalMessage(refusal!, 'ko')).toBe('B는 이미 중지되어 있습니다.');
    // The trace keeps the English sentence (for the CLI) and the code (for the UI).
    const record = sim.trace.at(-1);
    expect(record).toMatchObject({ kind: 'action', error: 'B is already down', refusal: { code: 'already-down' } });
  });
});
