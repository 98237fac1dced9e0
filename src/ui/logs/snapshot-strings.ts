import { defineStrings } from '../i18n';

export const SNAPSHOT_BLOCK_STRINGS = defineStrings(
  {
    short: (index: number, term: number) => `snapshot 1–${index} · T${term}`,
    label: (node: string, index: number, term: number) =>
      `${node}'s snapshot: entries 1–${index} replaced; last included index ${index}, term ${term} (§7)`,
    stateLabel: (node: string, index: number) => `Key-value state in ${node}'s snapshot through index ${index}`,
    empty: '(empty state)',
    size: (chars: number) => `${chars} characters when sent by InstallSnapshot`,
  },
  {
    short: (index: number, term: number) => `스냅샷 1–${index} · 임기 ${term}`,
    label: (node: string, index: number, term: number) =>
      `${node}의 스냅샷: 엔트리 1–${index}을(를) 대신함. 마지막 포함 인덱스 ${index}, 임기 ${term} (§7)`,
    stateLabel: (node: string, index: number) => `${node}의 스냅샷(${index}까지)에 담긴 키-값 상태`,
    empty: '(빈 상태)',
    size: (chars: number) => `InstallSnapshot으로 보낼 때 ${chars}자`,
  },
);
