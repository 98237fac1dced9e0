// The engine rows time the engine as the browser runs it: a production build, not TypeScript run
// through tsx. tsx keeps function names by wrapping named inner closures in a `__name` call, which
// the browser's bundle does not do, and which cost several per cent of a profiled History run.
// Vite builds engine-run.ts the way it builds the worker (its bundler and minifier, no kept names)
// into a fresh temporary directory; every mode (bare, history, host) then runs that one file.
//   npx tsx scripts/bench/engine-bundle.ts <out dir>     prints the path of the built engine-run.mjs

import { join } from 'node:path';
import { build } from 'vite';

const root = new URL('../..', import.meta.url).pathname;

/** Builds scripts/bench/engine-run.ts and everything it imports into `outDir`; returns the file to run. */
export async function buildEngineRun(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: 'scripts/bench/engine-run.ts',
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine-run.mjs' } },
    },
    // Bundle the engine's own modules and packages alike, as the worker bundle does.
    ssr: { noExternal: true, target: 'node' },
  });
  return join(outDir, 'engine-run.mjs');
}

if (process.argv[1]?.endsWith('engine-bundle.ts')) {
  const outDir = process.argv[2];
  if (outDir === undefined) {
    process.stderr.write('usage: engine-bundle.ts <out dir>\n');
    process.exit(2);
  }
  process.stdout.write(`${await buildEngineRun(outDir)}\n`);
}
