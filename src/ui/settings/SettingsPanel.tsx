// Everything a teacher may change about the run, in collapsible sections:
// cluster size and seed, timing, partitions, single links, message faults, engine options and the unsafe switches.

import { useStrings } from '../i18n';
import { ClusterSection } from './ClusterSection';
import { FaultsSection } from './FaultsSection';
import { LinkSection } from './LinkSection';
import { OptionsSection, UnsafeSection } from './OptionsSection';
import { PartitionSection } from './PartitionSection';
import { TimingSection } from './TimingSection';
import { SnapshotSection } from './SnapshotSection';
import { ReadsSection } from './ReadsSection';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

export function SettingsPanel() {
  const t = useStrings(SETTINGS_STRINGS);
  return (
    <section className={styles.panel} aria-labelledby="settings-title">
      <h2 id="settings-title" className={styles.title}>
        {t.title}
      </h2>
      <ClusterSection />
      <TimingSection />
      <PartitionSection />
      <LinkSection />
      <FaultsSection />
      <OptionsSection />
      <SnapshotSection />
      <ReadsSection />
      <UnsafeSection />
    </section>
  );
}
