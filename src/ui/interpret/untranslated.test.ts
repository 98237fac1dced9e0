// No English left in the Korean texts of the views a class reads from the back row: the ring, the
// logs, the timeline and the space-time diagram (issue 12). The glossary sweep (terms.test.ts) only
// knows the glossary's words; this one flags any English word a Korean reader would have to
// translate ("▼ next", "match", "T3"). The first tests prove it catches them.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { koreanTexts } from './korean-texts';
import { untranslatedWords } from './untranslated';

const UI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VIEWS = ['cluster', 'logs', 'time', 'spacetime'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

function sweep(source: string, name: string): string[] {
  return koreanTexts(source, name).flatMap(({ text, line }) =>
    untranslatedWords(text).map((w) => `${name}:${line} "${w}" in: ${text.slice(0, 80)}`),
  );
}

describe('the untranslated-word check', () => {
  it('flags plain English words and the English abbreviation of term', () => {
    expect(untranslatedWords('▼ next')).toEqual(['next']);
    expect(untranslatedWords('match')).toEqual(['match']);
    expect(untranslatedWords('T3 B')).toEqual(['T']);
    expect(untranslatedWords('노드 A, 팔로워, Term 2')).toEqual(['Term']);
  });

  it("keeps the paper's identifiers, node letters, commands, units, configurations and glosses", () => {
    expect(untranslatedWords('리더 B가 C에게 보낼 nextIndex: 3, AppendEntries(prevLogTerm)')).toEqual([]);
    expect(untranslatedWords('인덱스 2, 임기 1, set x 1, 커밋됨')).toEqual([]);
    expect(untranslatedWords('RPC 120 ms, C_old,new {A,B}, no-op, 쿼럼 확인 (Check quorum)')).toEqual([]);
  });

  it('finds the English in Korean source tables, including "T" before a placeholder', () => {
    const bad = [
      "export const S = defineStrings({ next: 'next' }, { next: 'next' });",
      'const ko = { short: (t: number) => `T${t}` };',
      "const fine = { en: 'next', ko: roleName(role, 'ko') };",
    ].join('\n');
    expect(sweep(bad, 'bad.ts').map((p) => p.split(' ').slice(0, 2).join(' '))).toEqual([
      'bad.ts:1 "next"',
      'bad.ts:2 "T"',
    ]);
  });
});

describe('the ring, logs, timeline and space-time diagram in Korean', () => {
  it('have no English word left in their Korean texts', () => {
    const problems = VIEWS.flatMap((view) =>
      sourceFiles(join(UI, view)).flatMap((file) => sweep(readFileSync(file, 'utf8'), relative(UI, file))),
    );
    expect(problems).toEqual([]);
  });
});
