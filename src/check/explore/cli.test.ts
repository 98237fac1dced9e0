/// <reference types="node" />
// The explorer's command line (scripts/explore.ts): JSON on stdout; exit 0 with no violation,
// 1 with a counterexample (a scenario and a link), 2 for bad input naming the option or field.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cBackBehind } from './c-back-behind.fixture';

const dir = mkdtempSync(join(tmpdir(), 'raft-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function run(content: unknown, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `scenario-${++files}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const result = spawnSync('npx', ['tsx', 'scripts/explore.ts', file, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SMALL = ['--writes', '0', '--heartbeats', '0', '--depth', '4'];

describe('npm run explore', { timeout: 60_000 }, () => {
  it('exits 1 with the counterexample as a scenario and a link when an unsafe switch is on', () => {
    const out = run(cBackBehind({ noElectionRestriction: true }), ...SMALL);
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as {
      at: number;
      violation: { invariant: string };
      path: unknown[];
      scenario: { actions: unknown[] };
      link: string;
    };
    expect(report.at).toBe(1000);
    expect(report.violation.invariant).toBe('Leader Completeness');
    expect(report.path).toHaveLength(4);
    expect(report.link).toMatch(/#v1\./);
  });

  it('exits 0 when the bounded space holds no violation', () => {
    const out = run(cBackBehind({}), ...SMALL);
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { violation: null; outcome: string; states: number };
    expect(report.violation).toBeNull();
    expect(report.outcome).toBe('depth');
    expect(report.states).toBeGreaterThan(100);
  });

  it('--no-drops takes the drop choices away: the same verdict from fewer states', () => {
    const read = (out: { stdout: string }) =>
      JSON.parse(out.stdout) as { states: number; bounds: { drops: boolean }; violation: unknown };
    const withDrops = read(run(cBackBehind({}), ...SMALL));
    const withoutDrops = read(run(cBackBehind({}), ...SMALL, '--no-drops'));
    expect(withoutDrops.bounds.drops).toBe(false);
    expect(withoutDrops.violation).toBeNull();
    expect(withoutDrops.states).toBeLessThan(withDrops.states);
  });

  it('--reads and --changes add those choices: local reads give a stale-read counterexample with a link', () => {
    const aLeads = {
      version: 1,
      nodes: 3,
      timing: { electionTimeout: [50_000, 60_000] },
      unsafe: { localReads: true },
      actions: [{ at: 0, do: 'timeout', node: 'A' }],
    };
    const bounds = ['--max-term', '1', '--max-log', '1', '--heartbeats', '0', '--depth', '8'];
    const out = run(aLeads, '--at', '100', '--writes', '1', '--reads', '1', ...bounds);
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as {
      bounds: { reads: number };
      violation: { invariant: string };
      link: string;
    };
    expect(report.bounds.reads).toBe(1);
    expect(report.violation.invariant).toBe('Linearizability');
    expect(report.link).toMatch(/#v1\./);
    const tooMany = run(aLeads, '--changes', '11');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('--changes');
  });

  it('--ticks sets the fast-clock budget (lease reads), within its range', () => {
    const out = run(cBackBehind({}), ...SMALL, '--ticks', '2');
    expect(out.status).toBe(0);
    expect((JSON.parse(out.stdout) as { bounds: { ticks: number } }).bounds.ticks).toBe(2);
    const tooMany = run(cBackBehind({}), '--ticks', '11');
    expect(tooMany.status).toBe(2);
    expect(tooMany.stderr).toContain('--ticks');
  });

  it('exits 2 naming the option or field for bad input', () => {
    const bad = run(cBackBehind({}), '--depth', '-1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--depth');
    const big = run({ version: 1, nodes: 6 });
    expect(big.status).toBe(2);
    expect(big.stderr).toMatch(/^nodes:/);
    const field = run({ version: 1, nodes: 3, timing: { latency: [-1, 2] } });
    expect(field.status).toBe(2);
    expect(field.stderr).toContain('timing.latency');
  });
});
