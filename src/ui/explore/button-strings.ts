// The toolbar button's strings: apart from the dialog's, since the button is in the first chunk and the dialog is not.

import { MAX_EXPLORED_NODES } from '../../check/explore/bounds';
import { defineStrings } from '../i18n';

export const EXPLORE_BUTTON_STRINGS = defineStrings(
  {
    open: 'Explore all orders from here',
    /** The visible label: the start of the name, so the toolbar fits one row at 1280 px (speech input still matches it). */
    openShort: 'Explore all orders',
    tooBig: (nodes: number) =>
      `Exploration takes clusters of up to ${MAX_EXPLORED_NODES} nodes; this one has ${nodes}.`,
  },
  {
    open: '여기서부터 모든 순서 탐색',
    openShort: '모든 순서 탐색',
    tooBig: (nodes: number) => `탐색은 노드 ${MAX_EXPLORED_NODES}개까지의 클러스터만 다룹니다 (지금 ${nodes}개).`,
  },
);
