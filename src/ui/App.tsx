// The one screen: the title bar and the controls on top; the cluster ring large in the middle
// with the timeline and the logs under it; beside them the lesson being followed, manual delivery
// when it is on, and the secondary panels behind tabs (events, node, space-time, safety, rules,
// settings). On a phone everything is one column, the ring first and the lesson under it.

import { lazy, Suspense, useState } from 'react';
import { useAuthoringStore } from './authoring/authoring-store';
import { EngineErrorBanner } from './chrome/EngineErrorBanner';
import { Header } from './chrome/Header';
import { SeekProgress } from './chrome/SeekProgress';
import { UnsafeBand } from './chrome/UnsafeBand';
import { setDrawerOpen, usePresentStore } from './chrome/present-store';
import { useHelpStore } from './chrome/help-store';
import { ClusterView } from './cluster/ClusterView';
import { CommandInput } from './controls/CommandInput';
import { ControlBar } from './controls/ControlBar';
import { useLessonStore } from './lessons/lesson-state';
import { LogTable } from './logs/LogTable';
import { LinkErrorBanner } from './share/LinkErrorBanner';
import { ScenarioTools } from './share/ScenarioTools';
import { useSimStore } from '../store/sim-store';
import { useShortcuts } from './shortcuts';
import { useAfterFirstPaint } from './use-after-first-paint';
import { TimeStrip } from './time/TimeStrip';
import { useKoreanFont } from './fonts/korean-font';

// Not needed at first paint: loaded when a lesson or the authoring panel is first opened.
const LessonPlayer = lazy(() => import('./lessons/LessonPlayer').then((m) => ({ default: m.LessonPlayer })));
// The side panels (event feed with its phrase tables and explanations, inspector, …) load after the ring's
// first frame: they are most of the app's own code, and the ring is what the class looks at first.
const SidePanels = lazy(() => import('./chrome/SidePanels').then((m) => ({ default: m.SidePanels })));
const AuthoringPanel = lazy(() => import('./authoring/AuthoringPanel').then((m) => ({ default: m.AuthoringPanel })));
// Shown only on demand (manual delivery, the shortcut sheet, presenter mode): loaded the first time they are.
const ManualDelivery = lazy(() => import('./time/ManualDelivery').then((m) => ({ default: m.ManualDelivery })));
const ShortcutHelp = lazy(() => import('./chrome/ShortcutHelp').then((m) => ({ default: m.ShortcutHelp })));
// The client history on the presenter's stage, in place of the ring, when the teacher asks for it.
const HistoryPanel = lazy(() => import('./history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
// The notices: nothing to show before the ring's first frame.
const PageNotices = lazy(() => import('./chrome/PageNotices').then((m) => ({ default: m.PageNotices })));
const PresenterNodeBar = lazy(() => import('./chrome/PresenterNodeBar').then((m) => ({ default: m.PresenterNodeBar })));

function ManualSlot() {
  const manual = useSimStore((s) => s.manual);
  if (!manual) return null;
  return (
    <Suspense fallback={null}>
      <ManualDelivery />
    </Suspense>
  );
}

/** The shortcut sheet, loaded when first asked for and kept mounted after (its dialog closes itself). */
function ShortcutSlot() {
  const asked = useHelpStore((s) => s.open);
  const [loaded, setLoaded] = useState(false);
  if (asked && !loaded) setLoaded(true);
  if (!asked && !loaded) return null;
  return (
    <Suspense fallback={null}>
      <ShortcutHelp />
    </Suspense>
  );
}

function LessonSlot() {
  const open = useLessonStore((s) => s.lesson !== null);
  if (!open) return null;
  return (
    <div className="slot-lesson panel">
      <Suspense fallback={null}>
        <LessonPlayer />
      </Suspense>
    </div>
  );
}

function AuthoringSlot() {
  const open = useAuthoringStore((s) => s.open);
  if (!open) return null;
  return (
    <div className="slot-authoring panel">
      <Suspense fallback={null}>
        <AuthoringPanel />
      </Suspense>
    </div>
  );
}

/** `embed`: the compact layout for slides and course pages (?embed=1), without settings, authoring or node actions. */
export function App({ embed = false }: { readonly embed?: boolean }) {
  useShortcuts();
  useKoreanFont(useSimStore((s) => s.lang));
  const painted = useAfterFirstPaint(useSimStore((s) => s.snapshot !== null));
  const presenting = usePresentStore((s) => s.presenting);
  const drawerOpen = usePresentStore((s) => s.drawerOpen);
  const logsShown = usePresentStore((s) => s.logsShown);
  const historyOnStage = usePresentStore((s) => s.historyOnStage) && presenting && !embed;
  const className = ['app', embed ? 'app-embed' : '', presenting ? 'app-present' : ''].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <Header tools={embed ? null : <ScenarioTools />} compact={embed} />
      <EngineErrorBanner />
      <SeekProgress />
      {painted ? (
        <Suspense fallback={null}>
          <PageNotices />
        </Suspense>
      ) : null}
      <LinkErrorBanner />
      <div className="toolbar">
        <ControlBar />
        <CommandInput />
        {embed ? <ScenarioTools embed /> : null}
      </div>
      <main className="workspace">
        <LessonSlot />
        <div className="main-column">
          <div className="panel stage">
            <UnsafeBand />
            {historyOnStage ? (
              <Suspense fallback={null}>
                <HistoryPanel stage />
              </Suspense>
            ) : (
              <ClusterView />
            )}
            {presenting && !embed ? (
              <Suspense fallback={null}>
                <PresenterNodeBar />
              </Suspense>
            ) : null}
          </div>
          <TimeStrip />
          {presenting && !logsShown ? null : (
            <div className="panel logs">
              <LogTable />
            </div>
          )}
        </div>
        {embed ? null : <AuthoringSlot />}
        <div className="slot-manual">
          <ManualSlot />
        </div>
        {/* While presenting, the side panels are a drawer over the stage, closed until asked for. */}
        <div
          className={presenting ? 'side side-drawer' : 'side'}
          id="side-panels"
          hidden={presenting && !drawerOpen}
          onKeyDown={(e) => {
            if (presenting && e.key === 'Escape') setDrawerOpen(false);
          }}
        >
          {painted ? (
            <Suspense fallback={null}>
              <SidePanels embed={embed} />
            </Suspense>
          ) : null}
        </div>
      </main>
      <ShortcutSlot />
    </div>
  );
}
