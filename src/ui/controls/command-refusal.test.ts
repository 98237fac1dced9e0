import { describe, expect, it } from 'vitest';
import { COMMAND_EXAMPLES, parseCommand } from '../../raft/kv';
import { refusalOf } from './command-refusal';

const MALFORMED = [
  '',
  '   ',
  'put x 1',
  'SET x 1',
  'set',
  'set x',
  'set x!y 1',
  `set x ${'v'.repeat(65)}`,
  'del',
  'del x y',
  'get a b c',
  '<img src=x onerror=alert(1)>',
];

describe('refusalOf', () => {
  it('accepts exactly what parseCommand accepts', () => {
    for (const text of [...COMMAND_EXAMPLES, 'set k a value with spaces', ...MALFORMED]) {
      expect(refusalOf(text) === null, text).toBe(parseCommand(text).ok);
    }
  });

  it('names the reason', () => {
    expect(refusalOf('')).toEqual({ kind: 'empty' });
    expect(refusalOf('put x 1')).toEqual({ kind: 'unknownOp', op: 'put' });
    expect(refusalOf('set')).toEqual({ kind: 'badKey', op: 'set' });
    expect(refusalOf('set x')).toEqual({ kind: 'noValue', key: 'x' });
    expect(refusalOf(`set x ${'v'.repeat(65)}`)).toEqual({ kind: 'longValue' });
    expect(refusalOf('del x y')).toEqual({ kind: 'extraWords', op: 'del', key: 'x' });
  });
});
