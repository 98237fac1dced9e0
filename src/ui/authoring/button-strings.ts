// The toolbar button's label: apart from the panel's strings, since the button is in the first chunk and
// the panel (with its long table) loads when first opened.

import { defineStrings } from '../i18n';

export const AUTHORING_BUTTON_STRINGS = defineStrings({ open: 'Author a lesson' }, { open: '수업 만들기' });
