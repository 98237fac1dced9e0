import type { Lesson } from '../narration';
import type { ScenarioInput } from '../schema';

/**
 * The run §6 of the notes tells, shared by its lessons: B leads term 1, E is cut off at 600 ms
 * and misses "set y 2", and comes back at 2500 ms (five nodes). Seed 24333 is one under which,
 * after E's return, A, C and D see E's RequestVote before B does and B wins the next election.
 */
export const ISOLATED_E: ScenarioInput = {
  version: 1,
  seed: 24333,
  nodes: 5,
  actions: [
    { at: 400, do: 'submit', command: 'set x 1' },
    { at: 600, do: 'isolate', node: 'E' },
    { at: 800, do: 'submit', command: 'set y 2' },
    { at: 2500, do: 'restore', node: 'E' },
  ],
};

export const isolatedTerm: Lesson = {
  id: 'isolated-term',
  section: '6.1',
  title: { ko: '고립된 노드 E의 임기가 올라간다', en: "The isolated node E's term climbs" },
  summary: {
    ko: '네트워크에서 고립된 E는 리더의 하트비트를 받지 못합니다. 타임아웃이 날 때마다 임기를 높여 선거를 시작하지만 아무도 응답하지 않으니, 임기만 계속 올라갑니다.',
    en: 'Cut off from the network, E hears no heartbeats. Each time its timer runs out it raises its term and starts an election nobody answers, so its term keeps climbing.',
  },
  scenario: ISOLATED_E,
  beats: [
    {
      at: 500,
      caption: {
        ko: 'B가 임기 1의 리더이고, "set x 1"이 E를 포함한 모든 노드에 복제되었습니다.',
        en: 'B leads term 1, and "set x 1" is on every node, E included.',
      },
      focus: { nodes: ['B', 'E'], indexes: [1] },
    },
    {
      at: 700,
      caption: {
        ko: '600ms에 E가 고립되었습니다. E로 가는 메시지와 E에서 나오는 메시지가 모두 사라집니다.',
        en: 'At 600 ms E was cut off: every message to or from E is lost.',
      },
      focus: { nodes: ['E'] },
      question: {
        prompt: {
          ko: '고립된 채로 2초가 지나면 E의 임기는 어떻게 될까요?',
          en: "What will E's term be after two seconds on its own?",
        },
        choices: [
          { ko: '그대로 1이다', en: 'Still 1' },
          { ko: '선거를 반복하며 계속 올라간다', en: 'Higher and higher, one election after another' },
          { ko: 'E가 스스로 리더가 된다', en: 'E makes itself leader' },
        ],
        answer: 1,
        reveal: {
          ko: 'E는 하트비트를 못 받으니 타임아웃마다 임기를 하나씩 올립니다. 표는 자기 것 하나뿐이라 리더는 될 수 없습니다.',
          en: 'With no heartbeats, every timeout adds one to its term. Its own vote is the only one it gets, so it never leads.',
        },
      },
    },
    {
      at: 900,
      caption: {
        ko: 'E의 타이머가 끝나 임기 2의 후보가 되었습니다. 그 사이 나머지 클러스터는 "set y 2"를 커밋했지만 E는 받지 못했습니다.',
        en: 'E\'s timer ran out: it is a candidate in term 2. Meanwhile the rest committed "set y 2", which E never received.',
      },
      focus: { nodes: ['E'], indexes: [2] },
    },
    {
      at: 2400,
      caption: {
        ko: 'E의 임기는 이제 리더 B보다 훨씬 높습니다. 하지만 로그는 1번 엔트리까지밖에 없습니다. 임기는 높지만 로그는 뒤처져 있습니다.',
        en: "E's term is now far above leader B's, yet its log still ends at index 1: a high term, an old log.",
      },
      watch: { ko: 'E의 임기와 B의 임기 비교', en: "E's term against B's" },
      focus: { nodes: ['E', 'B'] },
    },
  ],
};
