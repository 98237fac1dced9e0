// "Author a lesson" in the toolbar: opens and closes the authoring panel (loaded when first opened).

import { useStrings } from '../i18n';
import { setAuthoringOpen, useAuthoringStore } from './authoring-store';
import { AUTHORING_BUTTON_STRINGS } from './button-strings';

export function AuthoringButton() {
  const t = useStrings(AUTHORING_BUTTON_STRINGS);
  const open = useAuthoringStore((s) => s.open);
  return (
    <button type="button" aria-expanded={open} aria-controls="authoring-panel" onClick={() => setAuthoringOpen(!open)}>
      <span aria-hidden="true">✎</span> {t.open}
    </button>
  );
}
