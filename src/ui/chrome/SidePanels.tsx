// The side area beside the ring: the secondary panels behind accessible tabs (arrow keys move
// between tabs, as in the WAI-ARIA tabs pattern). Only the open tab is drawn, so the others cost
// nothing per frame; the panels not needed at first paint load when their tab is first opened.

import { lazy, Suspense, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSimStore } from '../../store/sim-store';
import { MessageDetails } from '../cluster/MessageDetails';
import { NodeActions } from '../cluster/NodeActions';
import { ClusterFacts } from '../facts/ClusterFacts';
import { EventFeed } from '../feed/EventFeed';
import { useStrings } from '../i18n';
import { NodeInspector } from '../inspector/NodeInspector';
import { showTab, SIDE_TABS, useSideStore, type SideTab } from './side-store';
import { CHROME_STRINGS } from './strings';

const WhyPanel = lazy(() => import('../explain/WhyPanel').then((m) => ({ default: m.WhyPanel })));
const SpaceTimeDiagram = lazy(() =>
  import('../spacetime/SpaceTimeDiagram').then((m) => ({ default: m.SpaceTimeDiagram })),
);
const HistoryPanel = lazy(() => import('../history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })));
const SafetyPanel = lazy(() => import('../safety/SafetyPanel').then((m) => ({ default: m.SafetyPanel })));
const RulesPanel = lazy(() => import('../rules/RulesPanel').then((m) => ({ default: m.RulesPanel })));
const SettingsPanel = lazy(() => import('../settings/SettingsPanel').then((m) => ({ default: m.SettingsPanel })));

type Labels = typeof CHROME_STRINGS.en;

const LABEL: Record<SideTab, (t: Labels) => string> = {
  events: (t) => t.tabEvents,
  node: (t) => t.tabNode,
  spacetime: (t) => t.tabSpaceTime,
  history: (t) => t.tabHistory,
  safety: (t) => t.tabSafety,
  rules: (t) => t.tabRules,
  settings: (t) => t.tabSettings,
};

/** Violations recorded up to the viewed instant: the Safety tab shows their number. */
function useViolationCount(): number {
  return useSimStore((s) => {
    const snapshot = s.snapshot;
    if (!snapshot || snapshot.violations.length === 0) return 0;
    let n = 0;
    for (const v of snapshot.violations) if (v.time <= snapshot.time) n++;
    return n;
  });
}

function Loading() {
  const t = useStrings(CHROME_STRINGS);
  return <p className="tab-loading">{t.loading}</p>;
}

function Panel({ children }: { readonly children: ReactNode }) {
  return <div className="panel">{children}</div>;
}

function TabContent({ tab, embed }: { readonly tab: SideTab; readonly embed: boolean }) {
  switch (tab) {
    case 'events':
      return (
        <>
          <div className="panel feed-panel">
            <EventFeed />
          </div>
          <Panel>
            <Suspense fallback={<Loading />}>
              <WhyPanel />
            </Suspense>
          </Panel>
        </>
      );
    case 'node':
      return (
        <>
          <Panel>
            <MessageDetails />
          </Panel>
          {embed ? null : (
            <Panel>
              <NodeActions />
            </Panel>
          )}
          <Panel>
            <NodeInspector />
          </Panel>
        </>
      );
    case 'spacetime':
      return (
        <Suspense fallback={<Loading />}>
          <SpaceTimeDiagram />
        </Suspense>
      );
    case 'history':
      return (
        <Panel>
          <Suspense fallback={<Loading />}>
            <HistoryPanel />
          </Suspense>
        </Panel>
      );
    case 'safety':
      return (
        <>
          <Panel>
            <ClusterFacts />
          </Panel>
          <Panel>
            <Suspense fallback={<Loading />}>
              <SafetyPanel />
            </Suspense>
          </Panel>
        </>
      );
    case 'rules':
      return (
        <Panel>
          <Suspense fallback={<Loading />}>
            <RulesPanel />
          </Suspense>
        </Panel>
      );
    case 'settings':
      return (
        <Panel>
          <Suspense fallback={<Loading />}>
            <SettingsPanel />
          </Suspense>
        </Panel>
      );
  }
}

/** `embed`: no settings tab and no node actions (embed mode shows the run, it does not edit it). */
export function SidePanels({ embed = false }: { readonly embed?: boolean }) {
  const t = useStrings(CHROME_STRINGS);
  const chosen = useSideStore((s) => s.tab);
  const violations = useViolationCount();
  const id = useId();
  const tabs = SIDE_TABS.filter((tab) => !(embed && tab === 'settings'));
  const current = tabs.includes(chosen) ? chosen : 'events';
  const buttons = useRef(new Map<SideTab, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.indexOf(current);
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? tabs[(at + 1) % tabs.length]
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? tabs[(at - 1 + tabs.length) % tabs.length]
          : e.key === 'Home'
            ? tabs[0]
            : e.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!to) return;
    e.preventDefault();
    showTab(to);
    buttons.current.get(to)?.focus();
  };

  return (
    <div className="side-tabs">
      <div className="tablist" role="tablist" aria-label={t.panels} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab === current;
          const badge = tab === 'safety' && violations > 0;
          return (
            <button
              key={tab}
              ref={(el) => {
                if (el) buttons.current.set(tab, el);
                else buttons.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={`${id}-${tab}`}
              aria-selected={selected}
              aria-controls={`${id}-${tab}-panel`}
              tabIndex={selected ? 0 : -1}
              className={badge ? 'tab tab-alert' : 'tab'}
              onClick={() => showTab(tab)}
            >
              {LABEL[tab](t)}
              {badge ? (
                <span className="tab-badge" title={t.violationBadge(violations)}>
                  <span aria-hidden="true">✗{violations}</span>
                  <span className="visually-hidden">, {t.violationBadge(violations)}</span>
                </span>
              ) : null}
            </button>
          );
        })}
      </div>
      <div
        className={`tabpanel tabpanel-${current}`}
        role="tabpanel"
        id={`${id}-${current}-panel`}
        aria-labelledby={`${id}-${current}`}
        tabIndex={0}
      >
        <TabContent tab={current} embed={embed} />
      </div>
    </div>
  );
}
