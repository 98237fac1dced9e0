// The simulated client's records (course notes §4 step 1; paper §8): one entry per event.

import { eul, iga, quote } from './glossary';
import { changeRefusalText } from './membership';
import { both, type ClientEventTable } from './reading';

export const CLIENT_EVENTS: ClientEventTable = {
  submitted: (e) => ({
    node: null,
    tone: 'client',
    text: both(
      `Client sent request #${e.requestId} ${quote(e.command)} to ${e.to}`,
      `클라이언트가 ${e.to}에게 요청 #${e.requestId}(${quote(e.command)})${eul(e.requestId)} 보냄`,
    ),
    rules: [],
  }),
  refused: (e) => ({
    node: null,
    tone: 'error',
    text: both(
      `Client refused ${quote(e.command)}: ${e.reason}`,
      `클라이언트가 ${quote(e.command)} 명령을 거부함: ${e.reason}`,
    ),
    rules: [],
  }),
  redirected: (e) => ({
    node: e.by,
    tone: 'client',
    text:
      e.to === null
        ? both(
            `${e.by} is not the leader and knows none: it refused request #${e.requestId}; the client retries later`,
            `${e.by}는 리더가 아니고 리더도 모름: 요청 #${e.requestId}${eul(e.requestId)} 거부함. 클라이언트가 나중에 다시 시도함`,
          )
        : both(
            `${e.by} is not the leader: it refused request #${e.requestId} and pointed the client to ${e.to}, since only the leader serves clients`,
            `${e.by}는 리더가 아님: 요청 #${e.requestId}${eul(e.requestId)} 거부하고 클라이언트에게 ${e.to}를 알려줌. 클라이언트 요청은 리더만 처리함`,
          ),
    rules: ['leader.client'],
    section: '§4',
    source: { paper: '§8' },
  }),
  deferred: (e) => {
    const why = changeRefusalText(e.reason);
    return {
      node: e.by,
      tone: 'client',
      text: both(
        `Leader ${e.by} cannot start change request #${e.requestId} now: ${why.en}. The client asks it again shortly`,
        `리더 ${e.by}가 변경 요청 #${e.requestId}${eul(e.requestId)} 지금은 시작할 수 없음: ${why.ko}. 클라이언트가 잠시 후 다시 요청함`,
      ),
      rules: [],
      // The course notes stop before membership: the nearest section is §3, as for the leader's refusal.
      section: '§3',
      source: { thesis: '§4.1' },
    };
  },
  timedOut: (e) => ({
    node: null,
    tone: 'client',
    text: both(
      `Request #${e.requestId} to ${e.node} timed out`,
      `${e.node}에게 보낸 요청 #${e.requestId}의 응답 시간이 초과됨`,
    ),
    rules: [],
  }),
  retried: (e) => ({
    node: null,
    tone: 'client',
    text: both(
      `Client retried request #${e.requestId} with ${e.to} (attempt ${e.attempt})`,
      `클라이언트가 요청 #${e.requestId}${eul(e.requestId)} ${e.to}에게 다시 보냄 (${e.attempt}번째 시도)`,
    ),
    rules: [],
  }),
  // The leader's entriesAppended of the same step tells it, with the entry's request number.
  accepted: () => null,
  succeeded: (e) => ({
    node: null,
    tone: 'client',
    text: both(
      `${e.by} answered request #${e.requestId}: ${e.result}`,
      `${e.by}가 요청 #${e.requestId}에 응답함: ${e.result}`,
    ),
    rules: [],
  }),
  failed: (e) => ({
    node: null,
    tone: 'error',
    text: both(
      `Request #${e.requestId} failed: ${e.reason}`,
      `요청 #${e.requestId}${iga(e.requestId)} 실패함: ${e.reason}`,
    ),
    rules: [],
  }),
};
