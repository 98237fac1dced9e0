import type { Lesson } from '../narration';
import { FIGURE_8 } from './figure-8';

export const figure8Unsafe: Lesson = {
  id: 'figure-8-unsafe',
  section: '7.2',
  title: {
    ko: 'Figure 8을 위험하게: 이전 임기의 엔트리를 커밋하면',
    en: 'Figure 8 made unsafe: committing an earlier-term entry',
  },
  summary: {
    ko: '같은 상황에서 위험한 스위치 commitPreviousTerms를 켭니다. A는 과반수에 있는 임기 2 엔트리를 커밋하고, 나중에 E가 그것을 덮어씁니다. 검사기가 안전성 위반을 보고합니다.',
    en: 'The same run with the unsafe switch commitPreviousTerms on. A commits the term-2 entry because a majority holds it; later E overwrites it, and the checker reports the safety violation.',
  },
  scenario: { ...FIGURE_8, unsafe: { commitPreviousTerms: true } },
  beats: [
    {
      at: 95,
      caption: {
        ko: '스위치가 켜져 있으므로 A는 복제 수만 세어 임기 2 엔트리를 커밋하고 적용했습니다(x = 2).',
        en: 'With the switch on, A counted replicas and committed the term-2 entry, and applied it (x = 2).',
      },
      focus: { nodes: ['A'], indexes: [2] },
      question: {
        prompt: {
          ko: 'A가 죽고 E가 돌아오면 검사기는 무엇을 보고할까요?',
          en: 'When A crashes and E returns, what will the checker report?',
        },
        choices: [
          { ko: '아무 문제 없음', en: 'Nothing wrong' },
          { ko: '안전성 위반', en: 'A safety violation' },
        ],
        answer: 1,
        reveal: {
          ko: 'E는 커밋된 2번 엔트리를 갖지 않은 채 리더가 되고(리더 Completeness 위반), 그 엔트리를 다른 노드에서 지웁니다(State Machine Safety 위반).',
          en: 'E leads without the committed entry 2 (Leader Completeness broken) and deletes it from the others (State Machine Safety broken).',
        },
      },
    },
    {
      at: 420,
      caption: {
        ko: 'E가 임기 6의 리더가 되었습니다. 커밋된 2번 엔트리가 E의 로그에는 없습니다. 검사기가 리더 Completeness 위반을 보고합니다.',
        en: 'E leads term 6 without the committed entry 2. The checker reports a Leader Completeness violation.',
      },
      focus: { nodes: ['E'], indexes: [2] },
    },
    {
      at: 480,
      caption: {
        ko: 'E가 B, C, D의 커밋된 엔트리를 덮어쓰고 자신의 엔트리를 커밋했습니다. 같은 2번 자리에 노드마다 다른 명령이 적용되었습니다(x = 2와 x = 3). 이것이 리더가 이전 임기의 엔트리를 복제 수로 커밋하면 안 되는 이유입니다.',
        en: 'E overwrote the committed entry on B, C and D and committed its own: different commands were applied at index 2 (x = 2 and x = 3). This is why a leader must not commit earlier-term entries by counting replicas.',
      },
      watch: { ko: '위반 목록', en: 'the list of violations' },
      focus: { indexes: [2] },
    },
  ],
};
