// "Lessons" in the toolbar: opens the library, whose lesson texts load only when it is first opened.

import { lazy, Suspense, useState } from 'react';
import { useStrings } from '../i18n';
import { LESSONS_BUTTON_STRINGS } from './button-strings';

const LessonLibrary = lazy(() => import('./LessonLibrary'));

export function LessonsButton() {
  const t = useStrings(LESSONS_BUTTON_STRINGS);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        <span aria-hidden="true">☰</span> {t.lessons}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <LessonLibrary onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
