// Narration and "Why?" of membership changes cite their rule: the paper's §6 or the
// dissertation's §4 (course notes stop before membership), in both languages.

import { describe, expect, it } from 'vitest';
import type { RaftEvent } from '../../raft/types';
import { nodeEvent } from '../explain/test-records';
import { feedLines, formatReading, readStep } from './interpret';

const read = (event: RaftEvent, node = 'B') => {
  const readings = readStep([nodeEvent(5, node, event)]);
  expect(readings).toHaveLength(1);
  return readings[0]!;
};

const ABC = { voters: ['A', 'B', 'C'], learners: [] };
const JOINT = { voters: ['A', 'B', 'C', 'D'], old: ['A', 'B', 'C'], learners: [] };

describe('membership readings cite §6 / dissertation §4', () => {
  const cases: [string, RaftEvent, RegExp, RegExp][] = [
    [
      'a change request',
      { type: 'changeRequested', add: ['D'], remove: [], mode: 'joint' },
      /^§3 \(paper §6\): Leader B received a membership change \(\+D\), by joint consensus$/,
      /^§3 \(논문 §6\): 리더 B가 멤버십 변경 요청\(\+D\)을 받음 \(공동 합의\)$/,
    ],
    [
      'a refusal (the 2015 correction)',
      {
        type: 'changeRefused',
        add: ['D'],
        remove: [],
        reason: 'term-not-committed',
        configIndex: 0,
        commitIndex: 1,
        committedTerm: 1,
        currentTerm: 2,
      },
      /^§3 \(thesis §4\.1\): B refused the change: it has not committed an entry of its own term yet/,
      /^§3 \(학위논문 §4\.1\): B가 변경을 거절함: 아직 자기 임기의 엔트리를 커밋하지 않음/,
    ],
    [
      'a learner catching up',
      { type: 'catchUpStarted', learners: ['D'], lastIndex: 3 },
      /^§3 \(thesis §4\.2\.1\): D catches up as a non-voting learner first, up to index 3/,
      /^§3 \(학위논문 §4\.2\.1\): D가 투표권 없는 학습자\(learner\)로 먼저 인덱스 3까지/,
    ],
    [
      'a learner caught up',
      { type: 'learnerCaughtUp', learner: 'D', matchIndex: 3, lastIndex: 3 },
      /^§3 \(thesis §4\.2\.1\): Learner D is within one round of the leader's log \(3\/3\)/,
      /^§3 \(학위논문 §4\.2\.1\): 학습자 D가 리더 로그의 한 라운드 안\(3\/3\)에 들어옴/,
    ],
    [
      'C_old,new put in force',
      { type: 'configurationChanged', from: ABC, to: JOINT, index: 4, cause: 'change' },
      /^§3 \(paper §6\): B appends configuration entry 4 and uses it at once: C_old,new \{A,B,C\} \+ \{A,B,C,D\}/,
      /^§3 \(논문 §6\): B가 구성 엔트리 4를 추가하고 바로 사용함: C_old,new \{A,B,C\} \+ \{A,B,C,D\}/,
    ],
    [
      'a configuration entry at an index read with a final consonant (16, "십육을")',
      { type: 'configurationChanged', from: JOINT, to: ABC, index: 16, cause: 'replicated' },
      /^§3 \(paper §6\): B received configuration entry 16 and uses it at once: \{A,B,C\}/,
      /^§3 \(논문 §6\): B가 구성 엔트리 16을 받아 바로 사용함: \{A,B,C\}/,
    ],
    [
      'C_new committed: the removed servers are told',
      { type: 'removalAnnounced', removed: ['D'], configIndex: 7 },
      /^§3 \(paper §6\): C_new \(entry 7\) is committed: B sends one last AppendEntries to every server, so D learns it is no longer a member/,
      /^§3 \(논문 §6\): C_new\(엔트리 7\)이 커밋됨: B가 모든 서버에 마지막 AppendEntries를 보내 D에게 더 이상 구성원이 아님을 알리고/,
    ],
    [
      'a removed leader stepping down',
      { type: 'steppedDown', reason: 'removed' },
      /^§3 \(paper §6\): B is not in C_new, which is now committed: it steps down/,
      /^§3 \(논문 §6\): B는 자신이 빠진 C_new가 커밋되어 리더에서 물러남/,
    ],
  ];
  for (const [name, event, en, ko] of cases)
    it(name, () => {
      const reading = read(event);
      expect(formatReading(reading, 'en')).toMatch(en);
      expect(formatReading(reading, 'ko')).toMatch(ko);
    });

  it('a leader appending a configuration entry says which configuration, not an empty command', () => {
    const reading = read({
      type: 'entriesAppended',
      fromIndex: 4,
      entries: [{ term: 2, command: '', config: { voters: ['A', 'B', 'C', 'D'], old: ['A', 'B', 'C'] } }],
      leader: 'B',
    });
    expect(reading.source).toEqual({ paper: '§6' });
    expect(reading.text.en).toBe(
      'Leader B appended configuration entry C_old,new {A,B,C} + {A,B,C,D} at index 4, term 2: it counts with it already, not committed yet; it sends it to the followers (§6)',
    );
    expect(reading.text.ko).toContain('구성 엔트리 C_old,new {A,B,C} + {A,B,C,D}를 인덱스 4(임기 2)에 추가함');
    expect(reading.text.en).not.toContain('""');
    // configurationChanged already tells the feed; this one waits for "Why?".
    expect(feedLines([reading], false)).toEqual([]);
  });

  it('a follower receiving a configuration entry names it', () => {
    const reading = read(
      {
        type: 'entriesAppended',
        fromIndex: 4,
        entries: [{ term: 2, command: '', config: { voters: ['A', 'B', 'C', 'D'] } }],
        leader: 'B',
      },
      'C',
    );
    expect(reading.text.en).toContain('(term 2, configuration {A,B,C,D})');
    expect(reading.text.ko).toContain('(임기 2, 구성 {A,B,C,D})');
  });
});
