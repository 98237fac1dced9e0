// The one screen: controls on top, the cluster and its logs in the middle,
// the selected node's details, the cluster facts and the event feed beside them.

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

export function App() {
  return (
    <div className="app">
      <Header />
      <EngineErrorBanner />
      <Notices />
      <div className="toolbar">
        <ControlBar />
        <CommandInput />
      </div>
      <main className="workspace">
        <section className="stage">
          <ClusterView />
          <MessageDetails />
        </section>
        <aside className="side">
          <ClusterFacts />
          <NodeActions />
          <NodeInspector />
        </aside>
        <section className="logs">
          <LogTable />
        </section>
        <section className="feed">
          <EventFeed />
        </section>
        <section className="settings">
          <SettingsPanel />
        </section>
      </main>
      <ShortcutHelp />
    </div>
  );
}
