// The glossary sweep: every Korean text of the app (strings tables, lessons, narration, rules,
// settings, feed, captions, interpreter sentences) uses the glossary's one Korean word per Raft
// concept, and every strings table has the same keys in both languages. The first tests prove the
// sweep fails on the mistakes it is meant to catch.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../scenario/lessons';
import { GLOSSARY } from './glossary';
import { koreanTexts } from './korean-texts';
import { invariantName, termProblems } from './terms';
import { FIGURE_3, EXTRA_CHECKS } from '../safety/safety';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TERMS_FILE = join(SRC, 'ui/interpret/terms.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    // terms.ts lists the forbidden words themselves.
    const checked = /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts');
    return checked && path !== TERMS_FILE ? [path] : [];
  });
}

/** Every glossary mistake in the Korean texts of `source`, as "file:line found → use". */
function sweep(source: string, name: string): string[] {
  return koreanTexts(source, name).flatMap(({ text, line }) =>
    termProblems(text).map((p) => `${name}:${line} "${p.found}" → ${p.use}   in: ${text.slice(0, 80)}`),
  );
}

describe('the glossary check', () => {
  it('flags English Raft words inside Korean text, in any case', () => {
    expect(termProblems('B가 Term 1의 Leader입니다').map((p) => p.use)).toEqual(['리더', '임기']);
    expect(termProblems('Follower들이 Commit했습니다')).toHaveLength(2);
    expect(termProblems('heartbeat를 받지 못함')[0]).toEqual({ found: 'heartbeat', use: '하트비트' });
  });

  it('flags a second Korean word for the same concept', () => {
    expect(termProblems('텀이 올라갑니다')[0]?.use).toBe('임기');
    expect(termProblems('로그 항목을 지움')[0]?.use).toBe('엔트리');
  });

  it("passes the glossary's own words and the paper's field and RPC names", () => {
    expect(termProblems('B가 임기 1의 리더이고 팔로워에게 하트비트를 보냅니다')).toEqual([]);
    expect(termProblems('RequestVote, AppendEntries(prevLogTerm, leaderCommit), InstallSnapshot, nextIndex')).toEqual(
      [],
    );
    expect(termProblems('쿼럼 확인 (Check quorum)')).toEqual([]);
  });

  it('finds Korean texts in literals, templates, JSX and Korean slots without Hangul', () => {
    const bad = [
      "const a = { en: 'Check quorum', ko: 'Check quorum' };",
      'const b = (n: number) => `임기 ${n}의 Leader`;',
      "export const S = defineStrings({ x: 'Term' }, { x: 'Term' });",
      'const c = <p>Follower가 됩니다</p>;',
      "const d = { en: 'the term', ko: '임기' };",
    ].join('\n');
    const problems = sweep(bad, 'bad.tsx');
    expect(problems).toHaveLength(4);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['bad.tsx:1', 'bad.tsx:2', 'bad.tsx:3', 'bad.tsx:4']);
  });
});

describe('every Korean text of the app uses the glossary', () => {
  it('in every source file under src/', () => {
    const problems = sourceFiles(SRC).flatMap((file) => sweep(readFileSync(file, 'utf8'), relative(SRC, file)));
    if (process.env.SWEEP_OUT) writeFileSync(process.env.SWEEP_OUT, problems.join('\n'));
    expect(problems).toEqual([]);
  });

  // The glossary takes the Raft words from TERMS; its own words (states, yes/no, sources) are swept here.
  it("in the interpreter's glossary", () => {
    for (const value of Object.values(GLOSSARY.ko)) expect(termProblems(value)).toEqual([]);
  });

  it('names every safety property in Korean', () => {
    for (const inv of [...FIGURE_3, ...EXTRA_CHECKS]) {
      expect(invariantName(inv, 'ko')).toMatch(/[가-힣]/);
      expect(termProblems(invariantName(inv, 'ko'))).toEqual([]);
      expect(invariantName(inv, 'en')).toBe(inv);
    }
  });
});

describe('both languages have the same keys', () => {
  const tables = import.meta.glob<Record<string, unknown>>('../**/*strings.ts', { eager: true });

  it('in every strings table', () => {
    const missing: string[] = [];
    for (const [file, module] of Object.entries(tables)) {
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== 'object' || value === null || !('en' in value) || !('ko' in value)) continue;
        const { en, ko } = value as { en: object; ko: object };
        const enKeys = Object.keys(en);
        const koKeys = Object.keys(ko);
        for (const k of enKeys) if (!koKeys.includes(k)) missing.push(`${file} ${name}.${k}: no Korean`);
        for (const k of koKeys) if (!enKeys.includes(k)) missing.push(`${file} ${name}.${k}: no English`);
      }
    }
    expect(Object.keys(tables).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('with no English phrase left untranslated in a Korean table', () => {
    const untranslated: string[] = [];
    for (const [file, module] of Object.entries(tables)) {
      for (const [name, value] of Object.entries(module)) {
        if (typeof value !== 'object' || value === null || !('en' in value) || !('ko' in value)) continue;
        const { en, ko } = value as { en: Record<string, unknown>; ko: Record<string, unknown> };
        for (const [k, v] of Object.entries(ko)) {
          // Identifiers (candidateId, AppendEntries) are the same in both; a phrase is not.
          if (typeof v === 'string' && v === en[k] && /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(v)) {
            untranslated.push(`${file} ${name}.${k}: ${v}`);
          }
        }
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('in every lesson text', () => {
    const empty: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
      else if (typeof value === 'object' && value !== null) {
        const o = value as Record<string, unknown>;
        if ('ko' in o || 'en' in o) {
          if (typeof o.ko !== 'string' || o.ko.trim() === '') empty.push(`${path}: no Korean`);
          if (typeof o.en !== 'string' || o.en.trim() === '') empty.push(`${path}: no English`);
        } else for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
      }
    };
    for (const lesson of LESSONS) walk(lesson, lesson.id);
    expect(empty).toEqual([]);
  });
});
