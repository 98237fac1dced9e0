import { defineStrings } from '../i18n';

export const SHARE_STRINGS = defineStrings(
  {
    tools: 'Lessons and links',
    copyLink: 'Copy link',
    copyLinkHint: 'A link to this exact moment: the scenario, the instant, the language, the speed and the lesson beat',
    copying: 'Making the link…',
    copied: (chars: number) => `Link copied (${chars} characters).`,
    copyByHand: (chars: number) => `Copy this link by hand (${chars} characters):`,
    close: 'Close',
    linkBroken: 'This link could not be opened, so the default cluster is shown instead. The reason:',
    dismiss: 'Dismiss',
  },
  {
    tools: '수업과 링크',
    copyLink: '링크 복사',
    copyLinkHint: '지금 이 순간으로 가는 링크: 시나리오, 시각, 언어, 속도, 수업 단계',
    copying: '링크를 만드는 중…',
    copied: (chars: number) => `링크를 복사했습니다 (${chars}자).`,
    copyByHand: (chars: number) => `이 링크를 직접 복사하세요 (${chars}자):`,
    close: '닫기',
    linkBroken: '이 링크를 열 수 없어 기본 클러스터를 대신 보여 줍니다. 이유:',
    dismiss: '닫기',
  },
);
