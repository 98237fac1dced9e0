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
import { useShortcuts } from './shortcuts';

export function App() {
  useShortcuts();
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
        <div className="main-column">
          <div className="panel stage">
            <ClusterView />
          </div>
          <div className="panel logs">
            <LogTable />
          </div>
        </div>
        <div className="rail">
          <div className="side">
            <div className="panel">
              <ClusterFacts />
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
          </div>
          <div className="drawer">
            <div className="panel">
              <EventFeed />
            </div>
            <div className="panel">
              <SettingsPanel />
            </div>
          </div>
        </div>
      </main>
      <ShortcutHelp />
    </div>
  );
}
