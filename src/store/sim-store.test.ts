import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { DEFAULT_SCENARIO } from './sim-store';

describe('DEFAULT_SCENARIO', () => {
  it('is what the schema makes of a 5-node cluster with seed 1', () => {
    expect(DEFAULT_SCENARIO).toEqual(scenarioSchema.parse({ version: 1, nodes: 5, seed: 1 }));
  });
});
