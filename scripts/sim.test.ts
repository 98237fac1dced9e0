// The command line's contract: the runner's exit codes (0 clean, 1 violations, 2 bad input) and
// the encode/decode subcommands, which must agree with each other and with the runner.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../src/scenario/lessons';
import { FIGURE_8 } from '../src/scenario/lessons/figure-8';
import { decodeLink } from '../src/scenario/url';

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/sim.ts', ...args], { encoding: 'utf8' });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

const scenario = {
  version: 1,
  nodes: 3,
  actions: [
    { at: 900, do: 'restore', node: 'C' },
    { at: 300, do: 'isolate', node: 'C' },
  ],
};

// Each call starts tsx, which takes a second or two on a busy machine.
describe('sim CLI', { timeout: 30_000 }, () => {
  it('encode then decode gives back the scenario, actions in time order, that the runner plays', () => {
    const encoded = sim('encode', file('s.json', scenario), '--at', '700');
    expect(encoded.status).toBe(0);
    expect(encoded.stdout).toMatch(/^#v1\.[A-Za-z0-9_-]+\n$/);
    const decoded = sim('decode', `https://class.example/${encoded.stdout.trim()}`);
    expect(decoded.status).toBe(0);
    expect(JSON.parse(decoded.stdout)).toEqual({ ...scenario, actions: [scenario.actions[1], scenario.actions[0]] });
    const played = sim(file('decoded.json', JSON.parse(decoded.stdout)), '--until', '1000');
    expect(played.status).toBe(0);
    expect(JSON.parse(played.stdout).time).toBe(1000);
  });

  it("lists every lesson with a link that opens at its first pause, in the reader's language", () => {
    const listed = sim('lessons');
    expect(listed.status).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(LESSONS.length);
    for (const line of lines) {
      const [, id, , fragment] = line.split('\t');
      const lesson = LESSONS.find((l) => l.id === id)!;
      const decoded = decodeLink(fragment!.slice(1));
      expect(decoded.ok, id).toBe(true);
      if (!decoded.ok) continue;
      expect(decoded.link.at, id).toBe(lesson.beats[0]!.at);
      expect(decoded.link.view).toMatchObject({ lesson: id, beat: 0, lang: null });
    }
  });

  it('exits 2 with the message on a bad link or a bad scenario', () => {
    const bad = sim('decode', '#v1.AAAA!');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a link character/);
    const unknown = sim(
      'encode',
      file('f.json', { version: 1, nodes: 3, actions: [{ at: 1, do: 'kill', node: 'F' }] }),
    );
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('actions[0].node: no node "F" in a 3-node cluster');
  });

  it('keeps the runner exit codes: 1 when the checker reports a violation', () => {
    const unsafe = sim(file('f8.json', { ...FIGURE_8, unsafe: { commitPreviousTerms: true } }), '--until', '600');
    expect(unsafe.status).toBe(1);
    expect(JSON.parse(unsafe.stdout).violations.length).toBeGreaterThan(0);
  });

  it('refuses a --until that is not a decimal time within a day, with the usage line and exit 2', () => {
    const path = file('ok.json', scenario);
    for (const until of ['', ' ', '0x10', '1e12', '1e300']) {
      const out = sim(path, '--until', until);
      expect(out.status, `--until "${until}"`).toBe(2);
      expect(out.stderr).toContain('--until: expected a time from 0 to 86400000 ms');
      expect(out.stderr).toContain('usage: sim FILE.json');
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--trace writes one JSON line per event as it goes, then the report', () => {
    const out = sim(file('t.json', scenario), '--until', '1500', '--trace');
    expect(out.status).toBe(0);
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const report = lines.at(-1)!;
    expect(report.time).toBe(1500);
    expect(report.trace).toBeUndefined();
    const events = lines.slice(0, -1);
    expect(events.length).toBeGreaterThan(10);
    expect(events.some((e) => e.kind === 'action')).toBe(true);
    expect(events.every((e) => typeof e.time === 'number' && (e.time as number) <= 1500)).toBe(true);
  });

  it('refuses an oversized file by its size, and a link it could not open again', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, `[${'['.repeat(5 * 1024 * 1024)}`);
    const tooBig = sim(big);
    expect(tooBig.status).toBe(2);
    expect(tooBig.stderr).toMatch(/bytes; a scenario file is read up to/);
    const many = {
      version: 1,
      nodes: 3,
      actions: Array.from({ length: 2500 }, (_, i) => ({ at: i, do: 'submit', command: `set k ${i}` })),
    };
    const encoded = sim('encode', file('many.json', many));
    expect(encoded.status).toBe(2);
    expect(encoded.stdout).toBe('');
    expect(encoded.stderr).toContain('a link holds at most 2000');
  });
});
