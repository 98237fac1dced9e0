import { defineStrings } from '../i18n';

export const EXPLAIN_STRINGS = defineStrings(
  {
    why: 'Why?',
    whyLabel: (time: string) => `Why? Explain the step at ${time}`,
    hide: 'Hide',
    hideLabel: (time: string) => `Hide the explanation of the step at ${time}`,
    nothing: 'No Raft rule ran in this step: messages travelled, a timer was re-armed or the class acted.',
    title: 'Why?',
    latest: 'The latest step',
    waiting: 'Step or play: each step is explained here with the rule and the course-notes section it illustrates.',
    messageTitle: (id: number) => `Why was message #${id} sent?`,
    pending: 'Waiting to commit',
    rule: 'rule',
  },
  {
    why: '왜?',
    whyLabel: (time: string) => `왜? ${time} 단계 설명`,
    hide: '닫기',
    hideLabel: (time: string) => `${time} 단계 설명 닫기`,
    nothing:
      '이 단계에서는 Raft 규칙이 실행되지 않음: 메시지가 이동했거나, 타이머가 다시 설정되었거나, 수업에서 조작함.',
    title: '왜?',
    latest: '가장 최근 단계',
    waiting: '한 단계 실행이나 재생을 누르세요: 각 단계를 규칙과 강의 노트의 절과 함께 설명합니다.',
    messageTitle: (id: number) => `메시지 #${id}는 왜 보냈나?`,
    pending: '커밋 대기 중',
    rule: '규칙',
  },
);
