// What a built chunk is made of: each source module's share of the chunk's minified bytes, read from its
// sourcemap, with a gzip -9 estimate per module (its generated text gzipped alone, so the figures
// over-count a little; compare them with each other, not with the chunk's total).
// `npx vite build --sourcemap --outDir /tmp/dist && npx tsx scripts/bench/chunk-sources.ts /tmp/dist/assets/index-*.js`

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** Groups node_modules files by package, project files by folder under src/. */
function groupOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return pkg[1]!;
  const src = /src\/(.*)$/.exec(source);
  return src ? src[1]! : source;
}

export function chunkSources(file: string): { group: string; bytes: number; gzip: number }[] {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as RawSourceMap;
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const text = new Map<string, string[]>();
  // Each mapping owns the generated text from its column to the next mapping on the same line.
  let previous: { line: number; column: number; group: string } | null = null;
  const flush = (end: { line: number; column: number } | null): void => {
    if (!previous) return;
    const line = lines[previous.line - 1] ?? '';
    const stop = end && end.line === previous.line ? end.column : line.length;
    const parts = text.get(previous.group) ?? [];
    parts.push(line.slice(previous.column, stop));
    text.set(previous.group, parts);
  };
  consumer.eachMapping((m) => {
    flush({ line: m.generatedLine, column: m.generatedColumn });
    previous = {
      line: m.generatedLine,
      column: m.generatedColumn,
      group: m.source ? groupOf(m.source) : '(unmapped)',
    };
  });
  flush(null);
  return [...text]
    .map(([group, parts]) => {
      const joined = parts.join('');
      return { group, bytes: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

for (const file of process.argv.slice(2)) {
  const rows = chunkSources(file);
  const total = gzipSync(readFileSync(file), { level: 9 }).length;
  console.log(`\n${file}: ${(total / 1000).toFixed(1)} kB gzip -9`);
  for (const r of rows) {
    console.log(
      `${(r.bytes / 1000).toFixed(1).padStart(8)} kB  ${(r.gzip / 1000).toFixed(1).padStart(6)} kB gz  ${r.group}`,
    );
  }
}
