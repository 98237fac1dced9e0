// The one screen: controls on top, the cluster ring large in the middle with the logs under it,
// and beside them the cluster facts, the selected node's actions and details, the event feed and the settings.

import { ClusterView } from './cluster/ClusterView';
import { MessageDetails } from './cluster/MessageDetails';
import { NodeActions } from './cluster/NodeActions';
import { EngineErrorBanner } from './chrome/EngineErrorBanner';
import { Header } from './chrome/Header';
import { Notices } from './chrome/Notices';
import { ShortcutHelp } from './chrome/ShortcutHelp';
import { CommandInput } from './controls/CommandInput';
import { ControlBar } from './controls/ControlBar';
import { ClusterFacts } from './facts/ClusterFacts';
import { EventFeed } from './feed/EventFeed';
import { NodeInspector } from './inspector/NodeInspector';
import { LogTable } from './logs/LogTable';
import { SettingsPanel } from './settings/SettingsPanel';
import { SpaceTimeDiagram } from './spacetime/SpaceTimeDiagram';
import { ManualDelivery } from './time/ManualDelivery';
import { TimeStrip } from './time/TimeStrip';
import { useShortcuts } from './shortcuts';
import { WhyPanel } from './explain/WhyPanel';
import { RulesPanel } from './rules/RulesPanel';
import { SafetyPanel } from './safety/SafetyPanel';
import { AuthoringPanel } from './authoring/AuthoringPanel';
import { LessonPlayer } from './lessons/LessonPlayer';
import { LinkErrorBanner } from './share/LinkErrorBanner';
import { ScenarioTools } from './share/ScenarioTools';

/** `embed`: the compact layout for slides and course pages (?embed=1), without settings or authoring. */
export function App({ embed = false }: { readonly embed?: boolean }) {
  useShortcuts();
  return (
    <div className={embed ? 'app app-embed' : 'app'}>
      <Header />
      <EngineErrorBanner />
      <Notices />
      <LinkErrorBanner />
      <div className="toolbar">
        <ControlBar />
        <CommandInput />
        <ScenarioTools embed={embed} />
      </div>
      <main className="workspace">
        <div className="main-column">
          <div className="panel">
            <LessonPlayer />
          </div>
          <div className="panel stage">
            <ClusterView />
          </div>
          <TimeStrip />
          <div className="panel logs">
            <LogTable />
          </div>
        </div>
        <div className="rail">
          <div className="side">
            <ManualDelivery />
            {embed ? null : (
              <div className="panel">
                <AuthoringPanel />
              </div>
            )}
            <div className="panel">
              <ClusterFacts />
            </div>
            <div className="panel">
              <SafetyPanel />
            </div>
            <div className="panel">
              <NodeActions />
            </div>
            <div className="panel">
              <NodeInspector />
            </div>
            <div className="panel">
              <MessageDetails />
            </div>
            <div className="panel">
              <WhyPanel />
            </div>
          </div>
          <div className="drawer">
            <SpaceTimeDiagram />
            <div className="panel">
              <EventFeed />
            </div>
            <div className="panel">
              <RulesPanel />
            </div>
            {embed ? null : (
              <div className="panel">
                <SettingsPanel />
              </div>
            )}
          </div>
        </div>
      </main>
      <ShortcutHelp />
    </div>
  );
}
