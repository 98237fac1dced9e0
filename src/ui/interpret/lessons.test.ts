// The lessons, read through the interpreter: each lesson's run, told the way the feed and "Why?"
// tell it, must reach the course-notes section the lesson teaches, so a class stepping through
// it sees that section named on the steps that show it.

import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../scenario/lessons';
import { validateScenario } from '../../scenario/validate';
import { Simulation } from '../../sim/simulation';
import type { Scenario } from '../../sim/scenario-types';
import { explore } from '../../check/explore/explore';
import { FIGURE8_FROM_MIDDLE } from '../../check/explore/figure8.fixture';
import { readStep, stepsOf } from './interpret';
import type { Reading } from './reading';

/**
 * A lesson that stops where the class explores teaches through the counterexample it opens: that
 * run, found with the caption's bounds (explore-lessons.test.ts checks them), is what the class steps
 * through and what is read here.
 */
const EXPLORED: Record<string, (scenario: Scenario, at: number) => Scenario> = {
  'explore-figure-8': (scenario, at) => {
    const found = explore(scenario, at, { ...FIGURE8_FROM_MIDDLE, depth: 11 }).counterexample;
    if (found === null) throw new Error('the Figure 8 lesson found no counterexample');
    return found.scenario;
  },
};

function readLesson(id: string): { readings: Reading[]; nodes: number } {
  const lesson = LESSONS.find((l) => l.id === id)!;
  const v = validateScenario(lesson.scenario);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const pause = lesson.beats[lesson.beats.length - 1]!.at;
  const explored = EXPLORED[id];
  const scenario = explored ? explored(v.scenario, pause) : v.scenario;
  const sim = new Simulation(scenario, { recordTrace: true });
  sim.runUntil(Math.max(pause, ...scenario.actions.map((a) => a.at)));
  return { readings: stepsOf(sim.trace).flatMap((s) => readStep(s.records)), nodes: v.scenario.nodes };
}

describe('every lesson, interpreted, names the section it teaches', () => {
  // §5 (quorum) is not one rule of its own: it is the majority every vote and commit is counted against.
  // Chapter 8 (log compaction) goes past the course notes: its lessons must cite the paper's §7 or Figure 13.
  // Chapter 10 (leadership transfer, reads) goes past the paper: its lessons must cite the dissertation's §3.10 or §6.4.
  const beyondNotes = new Set(['8', '9', '10']);
  for (const lesson of LESSONS.filter((l) => l.section !== '5' && !beyondNotes.has(l.section)))
    it(`${lesson.id} (§${lesson.section})`, () => {
      const want = `§${lesson.section.split('–').pop()!}`;
      const { readings } = readLesson(lesson.id);
      expect(readings.some((r) => r.section === want)).toBe(true);
    });

  for (const lesson of LESSONS.filter((l) => l.section === '8'))
    it(`${lesson.id} (§${lesson.section}): the run cites the paper's §7 or Figure 13`, () => {
      const { readings } = readLesson(lesson.id);
      const cites = (r: Reading): boolean =>
        r.source !== undefined &&
        r.source !== 'Figure 2' &&
        'paper' in r.source &&
        /^(§7|Figure 13)/.test(r.source.paper);
      expect(readings.some(cites)).toBe(true);
    });

  for (const lesson of LESSONS.filter((l) => l.section === '10'))
    it(`${lesson.id} (§${lesson.section}): the run cites the dissertation's §3.10 or §6.4`, () => {
      const { readings } = readLesson(lesson.id);
      const cites = (r: Reading): boolean =>
        r.source !== undefined &&
        r.source !== 'Figure 2' &&
        'thesis' in r.source &&
        /^§(3\.10|6\.4)/.test(r.source.thesis);
      expect(readings.some(cites)).toBe(true);
    });

  // Chapter 9 (membership changes) too: its lessons must cite the paper's §6 or the dissertation's chapter 4.
  for (const lesson of LESSONS.filter((l) => l.section === '9'))
    it(`${lesson.id} (§${lesson.section}): the run cites the paper's §6 or the dissertation's §4`, () => {
      const { readings } = readLesson(lesson.id);
      const cites = (r: Reading): boolean =>
        r.source !== undefined &&
        r.source !== 'Figure 2' &&
        ('paper' in r.source ? /^§6(?![.\d])/.test(r.source.paper) : /^§4(?!\d)/.test(r.source.thesis));
      expect(readings.some(cites)).toBe(true);
    });

  for (const lesson of LESSONS.filter((l) => l.section === '5'))
    it(`${lesson.id} (§5): the election is counted against ⌊N/2⌋+1 of N`, () => {
      const { readings, nodes } = readLesson(lesson.id);
      const majority = Math.floor(nodes / 2) + 1;
      const won = readings.filter((r) => r.rules.includes('leader.announce'));
      expect(won.length).toBeGreaterThan(0);
      for (const r of won) expect(r.check?.en).toContain(`majority ${majority} of ${nodes}? yes`);
    });
});
