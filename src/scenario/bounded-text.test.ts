import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { capErrors, cut, echo, MAX_ECHO, MAX_LISTED_ERRORS, tooDeep } from './bounded-text';
import { decodeLink, inflateCapped, MAX_DECODED_BYTES, toBase64Url } from './url';
import { validateScenario } from './validate';

function linkOf(body: unknown): string {
  return `#v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(body)), { level: 9 }))}`;
}

describe('messages of bounded size', () => {
  it('cuts an echoed value at about 40 characters with "…", and describes what is not text', () => {
    expect(cut('x'.repeat(1000))).toBe(`${'x'.repeat(MAX_ECHO)}…`);
    expect(cut('short')).toBe('short');
    expect(echo(['a', 'b'])).toBe('a list of 2');
    expect(echo({ toString: 'boom' })).toBe('an object');
  });

  it('stops a list of problems at 20, then says how many more', () => {
    const errors = capErrors(Array.from({ length: 5000 }, (_, i) => `e${i}`));
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors.at(-1)).toBe(`and ${5000 - MAX_LISTED_ERRORS} more`);
  });

  it('a link echoing a million characters gives a short message', () => {
    const result = decodeLink(linkOf({ s: { nodes: 3 }, lang: 'x'.repeat(1_000_000) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('lang:');
    expect(result.error.length).toBeLessThan(200);
  });

  it('a link with a very long unknown field name gives a short message', () => {
    const result = decodeLink(linkOf({ s: { nodes: 3, ['k'.repeat(100_000)]: 1 } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });

  it('5,000 invalid actions give at most 21 lines', () => {
    const actions = Array.from({ length: 5000 }, () => ({ at: 0, do: 'kill', node: 'Z' }));
    const result = validateScenario({ version: 1, nodes: 3, actions });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeLessThanOrEqual(MAX_LISTED_ERRORS + 1);
  });

  it('deep nesting names the field instead of overflowing the stack', () => {
    let deep: unknown = 'A';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(tooDeep({ actions: [{ groups: deep }] }, 32)).toMatch(/^actions\[0\]\.groups/);
    const result = validateScenario({ version: 1, nodes: 3, actions: [{ at: 0, do: 'partition', groups: deep }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^actions\[0\]\.groups.*nested too deeply/);
  });
});

describe('inflating a link', () => {
  it('stops a zip bomb at the cap instead of inflating all of it', () => {
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    expect(inflateCapped(bomb, MAX_DECODED_BYTES)).toBe('too-large');
    const result = decodeLink(`#v1.${toBase64Url(bomb)}`);
    expect(result.ok === false && result.problem.kind).toBe('too-large');
  });

  it('reads data exactly at the cap, and refuses one byte more', () => {
    const data = new Uint8Array(1000).fill(65);
    expect(inflateCapped(deflateSync(data), 1000)).toEqual(data);
    expect(inflateCapped(deflateSync(data), 999)).toBe('too-large');
  });

  it('calls cut-off data damaged', () => {
    const whole = deflateSync(new TextEncoder().encode(JSON.stringify({ s: { nodes: 3 }, pad: 'y'.repeat(5000) })));
    expect(inflateCapped(whole.subarray(0, whole.length - 3), MAX_DECODED_BYTES)).toBe('damaged');
  });
});
