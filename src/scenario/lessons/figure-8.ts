import type { Lesson } from '../narration';
import type { ScenarioInput } from '../schema';

/**
 * Figure 8 of the Raft paper, from its step (c): A (S1) and B hold an entry of term 2 at index 2,
 * E (S5) holds a different entry of term 3 there and is down. A leads term 4 and copies its term-2
 * entry to C and D, then crashes before writing anything of term 4; E comes back and wins.
 */
export const FIGURE_8: ScenarioInput = {
  version: 1,
  seed: 1,
  nodes: 5,
  initial: {
    A: {
      term: 3,
      log: [
        { term: 1, command: 'set x 1' },
        { term: 2, command: 'set x 2' },
      ],
    },
    B: {
      term: 3,
      log: [
        { term: 1, command: 'set x 1' },
        { term: 2, command: 'set x 2' },
      ],
    },
    C: { term: 3, log: [{ term: 1, command: 'set x 1' }] },
    D: { term: 3, log: [{ term: 1, command: 'set x 1' }] },
    E: {
      term: 3,
      log: [
        { term: 1, command: 'set x 1' },
        { term: 3, command: 'set x 3' },
      ],
    },
  },
  actions: [
    { at: 0, do: 'kill', node: 'E' },
    { at: 10, do: 'timeout', node: 'A' },
    { at: 150, do: 'kill', node: 'A' },
    { at: 160, do: 'restart', node: 'E' },
    { at: 170, do: 'timeout', node: 'E' },
  ],
};

export const figure8: Lesson = {
  id: 'figure-8',
  section: '7.2',
  title: {
    ko: 'Figure 8: 이전 임기의 엔트리는 복제 수만으로 커밋하지 않는다',
    en: 'Figure 8: an earlier-term entry never commits by counting replicas',
  },
  summary: {
    ko: '과반수에 복제된 엔트리라도 이전 임기의 것이라면 아직 안전하지 않습니다. 더 높은 임기의 다른 엔트리를 가진 노드가 리더가 되어 덮어쓸 수 있기 때문입니다. 그래서 리더는 자신의 임기의 엔트리만 복제 수로 커밋합니다.',
    en: 'Even on a majority, an entry from an earlier term is not yet safe: a node holding a different entry of a later term can still win and overwrite it. So a leader commits by counting replicas only entries of its own term.',
  },
  scenario: FIGURE_8,
  beats: [
    {
      at: 5,
      caption: {
        ko: 'A와 B의 2번 엔트리는 임기 2, E의 2번 엔트리는 임기 3입니다. E는 꺼져 있습니다. 10ms에 A가 선거를 시작합니다.',
        en: 'Index 2 holds a term-2 entry on A and B, and a term-3 entry on E, which is down. At 10 ms A starts an election.',
      },
      focus: { nodes: ['A', 'B', 'E'], indexes: [2] },
    },
    {
      at: 85,
      caption: {
        ko: 'A가 임기 4의 리더가 되어 임기 2 엔트리를 C와 D에 복제했습니다. 이제 이 엔트리는 5대 중 4대에 있습니다.',
        en: 'A leads term 4 and copied its term-2 entry to C and D. It is now on four of five nodes.',
      },
      focus: { nodes: ['A'], indexes: [2] },
      question: {
        prompt: {
          ko: '임기 2 엔트리가 과반수에 있습니다. 리더 A는 이것을 커밋할 수 있을까요?',
          en: 'The term-2 entry is on a majority. May leader A commit it?',
        },
        choices: [
          { ko: '예, 과반수에 있으니까', en: 'Yes, it is on a majority' },
          { ko: '아니요, 자신의 임기(4)의 엔트리가 아니니까', en: 'No, it is not from its own term (4)' },
        ],
        answer: 1,
        reveal: {
          ko: '리더는 현재 임기의 엔트리만 복제 수를 세어 커밋합니다. 이전 임기의 엔트리는 현재 임기의 엔트리가 커밋될 때 함께 커밋됩니다. A의 commitIndex는 0 그대로입니다.',
          en: "A leader commits by counting replicas only entries of its current term; earlier entries commit along with them. A's commitIndex stays 0.",
        },
      },
    },
    {
      at: 420,
      caption: {
        ko: 'A는 임기 4의 엔트리를 쓰기 전에 죽었습니다. 다시 살아난 E가 임기 6의 리더가 되었습니다. E의 마지막 엔트리(임기 3)가 다른 노드들의 마지막 엔트리(임기 2)보다 최신이기 때문입니다.',
        en: "A crashed before writing any term-4 entry. E came back and leads term 6: its last entry (term 3) is newer than everyone else's (term 2).",
      },
      focus: { nodes: ['E'], indexes: [2] },
    },
    {
      at: 460,
      caption: {
        ko: 'E가 B, C, D의 2번 엔트리를 자신의 임기 3 엔트리로 덮어썼습니다. 과반수에 있던 엔트리가 사라졌지만, 커밋된 적이 없으므로 안전 규칙은 하나도 깨지지 않았습니다.',
        en: 'E overwrote index 2 on B, C and D with its term-3 entry. An entry once on a majority is gone, yet it was never committed, so no safety rule was broken.',
      },
      watch: { ko: '위반 표시가 없음', en: 'no violation reported' },
      focus: { indexes: [2] },
    },
  ],
};
