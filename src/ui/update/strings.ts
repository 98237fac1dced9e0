import { defineStrings } from '../i18n';

export const UPDATE_STRINGS = defineStrings(
  {
    ready: 'A new version of Raft Classroom is ready.',
    reload: 'New version — reload',
    later: 'Later',
  },
  {
    ready: 'Raft 교실의 새 버전이 준비되었습니다.',
    reload: '새 버전 — 다시 불러오기',
    later: '나중에',
  },
);
