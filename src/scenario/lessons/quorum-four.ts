import type { Lesson } from '../narration';

// Seed 1: B leads; B crashes and C leads term 3 with A and D. B returns, then the network splits 2 | 2.
export const quorumFour: Lesson = {
  id: 'quorum-four',
  section: '5',
  title: { ko: '4대 클러스터의 쿼럼', en: 'Quorum in a four-node cluster' },
  summary: {
    ko: '4대 클러스터의 과반수는 3대입니다. 3대와 마찬가지로 한 대의 장애만 견딥니다. 네트워크가 2대 2로 나뉘면 어느 쪽도 과반수가 없어 아무것도 커밋할 수 없습니다.',
    en: 'A majority of four is three, so four nodes survive one failure, exactly like three. When the network splits two and two, neither side has a majority and nothing commits.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 4,
    actions: [
      { at: 500, do: 'kill', node: 'B' },
      { at: 1000, do: 'submit', command: 'set x 1' },
      { at: 1500, do: 'restart', node: 'B' },
      {
        at: 2000,
        do: 'partition',
        groups: [
          ['A', 'B'],
          ['C', 'D'],
        ],
      },
      { at: 2200, do: 'submit', command: 'set y 2' },
    ],
  },
  beats: [
    {
      at: 400,
      caption: { ko: 'B가 임기 1의 리더입니다. 500ms에 B가 죽습니다.', en: 'B leads term 1. At 500 ms B crashes.' },
      focus: { nodes: ['B'] },
    },
    {
      at: 1200,
      caption: {
        ko: '남은 3대가 과반수입니다. C가 리더가 되어 "set x 1"을 커밋했습니다. 4대도 3대처럼 한 대의 장애만 견딜 수 있습니다. 한 대를 더 쓰고도 얻는 것이 없습니다.',
        en: 'The three left are a majority: C leads and committed "set x 1". Four nodes tolerate one failure, just like three: the extra node buys nothing.',
      },
      focus: { nodes: ['C'], indexes: [1] },
    },
    {
      at: 2200,
      caption: {
        ko: 'B가 복구된 뒤 네트워크가 A B | C D로 나뉘었습니다. 양쪽 모두 2대로, 과반수인 3대에 못 미칩니다. 이때 클라이언트가 "set y 2"를 보냅니다.',
        en: 'After B came back, the network split into A B | C D. Each side has two nodes, short of the three a majority needs. Now the client sends "set y 2".',
      },
      question: {
        prompt: { ko: '"set y 2"는 커밋될까요?', en: 'Will "set y 2" commit?' },
        choices: [
          { ko: '예, C D 쪽에서', en: 'Yes, on the C D side' },
          { ko: '예, A B 쪽에서', en: 'Yes, on the A B side' },
          { ko: '아니요, 어느 쪽에서도', en: 'No, on neither side' },
        ],
        answer: 2,
        reveal: {
          ko: '리더 C는 명령을 로그에 넣고 D에게 복제하지만 2대로는 과반수가 되지 않습니다. A B 쪽은 리더조차 뽑지 못합니다.',
          en: 'Leader C appends the command and replicates it to D, but two copies are not a majority. The A B side cannot even elect a leader.',
        },
      },
    },
    {
      at: 3500,
      caption: {
        ko: 'C D 쪽의 로그에는 커밋되지 않은 엔트리만 쌓이고, A B 쪽은 선거를 반복하며 임기만 올라갑니다. 짝수 구성은 파티션에서 가용성을 잃기 쉽습니다.',
        en: 'On the C D side uncommitted entries pile up; on the A B side elections repeat and only the term climbs. An even-sized cluster easily loses availability in a partition.',
      },
      watch: { ko: '모든 노드의 commitIndex가 1에 머무름', en: 'every commitIndex stuck at 1' },
    },
  ],
};
