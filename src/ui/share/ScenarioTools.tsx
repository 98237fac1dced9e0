// The toolbar's scenario tools: the lesson library, the share link and (outside embed mode) authoring
// and the explorer.

import { AuthoringButton } from '../authoring/AuthoringButton';
import { ExploreButton } from '../explore/ExploreButton';
import { useStrings } from '../i18n';
import { LessonsButton } from '../lessons/LessonsButton';
import './embed.css';
import styles from './Share.module.css';
import { ShareButton } from './ShareButton';
import { SHARE_STRINGS } from './strings';

export function ScenarioTools({ embed = false }: { readonly embed?: boolean }) {
  const t = useStrings(SHARE_STRINGS);
  return (
    <div className={styles.tools} role="group" aria-label={t.tools}>
      <LessonsButton />
      {embed ? null : <AuthoringButton />}
      {embed ? null : <ExploreButton />}
      <ShareButton />
    </div>
  );
}
