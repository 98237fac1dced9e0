// The toolbar button's label: apart from the library's and the player's strings, since the button is in
// the first chunk and they load when a lesson is first opened.

import { defineStrings } from '../i18n';

export const LESSONS_BUTTON_STRINGS = defineStrings({ lessons: 'Lessons' }, { lessons: '수업' });
