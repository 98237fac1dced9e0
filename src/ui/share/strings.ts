import type { LinkProblem } from '../../scenario/url';
import { defineStrings } from '../i18n';
import type { LinkError } from './link-store';

/** In Korean the reason is worded from its kind; the field messages of a bad scenario stay as the decoder wrote them. */
function koReason({ text, problem }: LinkError): string {
  const reason: Record<LinkProblem['kind'], string> = {
    'not-a-link': 'Raft 교실 링크가 아닙니다. 링크는 "#v1." 뒤에 시나리오가 이어져야 합니다.',
    version: `이 앱이 읽지 못하는 링크 버전입니다 (v${problem.kind === 'version' ? problem.version : '?'}; 이 앱은 v1 링크를 읽습니다).`,
    empty: '"#v1." 뒤가 비어 있습니다. 링크가 잘린 것 같습니다.',
    'too-long': `링크가 너무 깁니다 (${problem.kind === 'too-long' ? problem.length : '?'}자).`,
    damaged: '링크가 손상되었거나 잘렸습니다. 복사할 때 일부가 빠졌는지 확인하세요.',
    'too-large': '링크에 담긴 시나리오가 너무 큽니다.',
    content: '링크에 담긴 시나리오나 보기 설정에 잘못된 값이 있습니다:',
  };
  return problem.kind === 'content' ? `${reason.content}\n${text}` : `${reason[problem.kind]}\n(${text})`;
}

export const SHARE_STRINGS = defineStrings(
  {
    tools: 'Lessons and links',
    copyLink: 'Copy link',
    copyLinkHint: 'A link to this exact moment: the scenario, the instant, the language, the speed and the lesson beat',
    copying: 'Making the link…',
    copied: (chars: number) => `Link copied (${chars} characters).`,
    copyByHand: (chars: number) => `Copy this link by hand (${chars} characters):`,
    refused: 'No link was copied: this app could not open it.',
    close: 'Close',
    linkBroken: 'This link could not be opened, so the default cluster is shown instead. The reason:',
    linkReason: (error: LinkError) => error.text,
    dismiss: 'Dismiss',
  },
  {
    tools: '수업과 링크',
    copyLink: '링크 복사',
    copyLinkHint: '지금 이 순간으로 가는 링크: 시나리오, 시각, 언어, 속도, 수업 단계',
    copying: '링크를 만드는 중…',
    copied: (chars: number) => `링크를 복사했습니다 (${chars}자).`,
    copyByHand: (chars: number) => `이 링크를 직접 복사하세요 (${chars}자):`,
    refused: '링크를 복사하지 않았습니다. 이 앱이 열 수 없는 링크입니다.',
    close: '닫기',
    linkBroken: '이 링크를 열 수 없어 기본 클러스터를 대신 보여 줍니다. 이유:',
    linkReason: koReason,
    dismiss: '닫기',
  },
);
