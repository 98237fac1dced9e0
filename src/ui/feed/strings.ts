import { wholeMs } from '../format';
import { defineStrings } from '../i18n';

export const FEED_STRINGS = defineStrings(
  {
    title: 'What happened',
    showMessages: 'Show messages (heartbeats included)',
    empty: 'Nothing has happened yet: press play or step.',
    emptyPlaying: 'Nothing has happened yet: every node starts as a follower and waits for its election timer.',
    quiet: 'Only messages and timer ticks in the latest events before this instant: tick “Show messages” to see them.',
    waiting: 'Waiting for the simulation…',
    events: 'Event feed, oldest first',
    newest: 'Newest ↓',
    newestLabel: 'Scroll to the newest events',
    violationsTitle: (n: number) => `⚠ ${n} invariant ${n === 1 ? 'violation' : 'violations'}`,
    at: (ms: number) => `${wholeMs(ms)} ms`,
  },
  {
    title: '무슨 일이 있었나',
    showMessages: '메시지 보기 (하트비트 포함)',
    empty: '아직 아무 일도 없습니다. 재생이나 한 단계 실행을 누르세요.',
    emptyPlaying: '아직 아무 일도 없습니다. 모든 노드가 팔로워로 시작해 선거 타이머를 기다립니다.',
    quiet: '이 시점 직전의 최근 이벤트는 메시지와 타이머뿐입니다. “메시지 보기”를 켜면 보입니다.',
    waiting: '시뮬레이션을 기다리는 중…',
    events: '이벤트 피드, 오래된 것부터',
    newest: '최신 ↓',
    newestLabel: '최신 이벤트로 스크롤',
    violationsTitle: (n: number) => `⚠ 불변식 위반 ${n}건`,
    at: (ms: number) => `${wholeMs(ms)} ms`,
  },
);
