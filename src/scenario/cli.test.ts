/// <reference types="node" />
// The headless runner's contract (scripts/sim.ts): JSON on stdout; exit 0 without
// violations, 1 with violations, 2 for bad input with a message naming the field.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'raft-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function sim(content: unknown, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `scenario-${++files}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const result = spawnSync('npx', ['tsx', 'scripts/sim.ts', file, ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run sim', { timeout: 30_000 }, () => {
  it('exits 0 and prints the cluster when no invariant is violated', () => {
    const out = sim({ version: 1, nodes: 3, seed: 2 }, '--until', '1500');
    expect(out.status).toBe(0);
    const report = JSON.parse(out.stdout) as { time: number; nodes: { id: string; role: string }[]; violations: [] };
    expect(report.time).toBe(1500);
    expect(report.nodes.map((n) => n.id)).toEqual(['A', 'B', 'C']);
    expect(report.nodes.filter((n) => n.role === 'leader')).toHaveLength(1);
    expect(report.violations).toEqual([]);
  });

  it('exits 1 when the run violates an invariant', () => {
    // forgetOnRestart: A restarts with term 0 after reaching term 1.
    const out = sim(
      {
        version: 1,
        nodes: 3,
        timing: { electionTimeout: [50000, 60000] },
        unsafe: { forgetOnRestart: true },
        actions: [
          { at: 0, do: 'timeout', node: 'A' },
          { at: 100, do: 'kill', node: 'A' },
          { at: 200, do: 'restart', node: 'A' },
        ],
      },
      '--until',
      '300',
    );
    expect(out.status).toBe(1);
    const report = JSON.parse(out.stdout) as { violations: { invariant: string }[] };
    expect(report.violations.map((v) => v.invariant)).toContain('Term Monotonic');
  });

  it('exits 2 and names the field for an invalid scenario', () => {
    const out = sim({ version: 1, nodes: 5, actions: [{ at: 0, do: 'kill', node: 'F' }] });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('actions[0].node: no node "F" in a 5-node cluster');
  });

  it('exits 2 for a file that is not JSON, and for a bad option', () => {
    const notJson = sim('{ version: 1');
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/not valid JSON/);
    const badUntil = sim({ version: 1, nodes: 3 }, '--until', 'soon');
    expect(badUntil.status).toBe(2);
    expect(badUntil.stderr).toMatch(/--until/);
  });
});
