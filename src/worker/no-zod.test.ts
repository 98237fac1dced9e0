// The worker bundle carries no validator library: zod stays at the edges (links, files, the CLI).
// This walks the worker's static imports, as the bundler does, and fails if any module reached
// imports zod.

import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Type-only imports are erased from the bundle.
  const found = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
  return found;
}

function resolveModule(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (existsSync(candidate)) return candidate;
  return undefined;
}

/** The modules the graph from `entry` reaches at run time, and each package they import (with an importer). */
function reached(entry: string): { modules: Set<string>; packages: Map<string, string> } {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      const next = resolveModule(file, spec);
      if (next) queue.push(next);
      else if (!spec.startsWith('.')) packages.set(spec, file);
    }
  }
  return { modules: seen, packages };
}

describe('the worker bundle', () => {
  it('imports no zod, directly or through any module it reaches', () => {
    const { modules, packages } = reached(resolve(here, 'engine.worker.ts'));
    expect(modules).toContain(resolve(here, '../sim/history.ts'));
    expect([...packages.keys()].filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
  });

  it('would notice zod one module away from the worker (the check can fail)', () => {
    expect(reached(resolve(here, '../scenario/validate.ts')).packages.has('zod')).toBe(true);
  });
});
