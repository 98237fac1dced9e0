// The UI's single store, fed by the simulation worker. Components subscribe to the
// slices they draw (useSimStore(s => s.snapshot?.nodes[2])) and call its actions;
// no component talks to the worker or computes Raft itself.

import { create } from 'zustand';
import type { NodeId } from '../raft/types';
import type { Scenario } from '../scenario/schema';
import type { MilestoneKind } from '../sim/event-kinds';
import type { ActionRefusal } from '../sim/refusal';
import type { SpaceTimeMessage, SpaceTimeWindow } from '../sim/spacetime';
import { unpackTrace } from '../sim/trace-pack';
import type { TimelineMarks } from '../sim/timeline';
import type { ClusterFrame, TraceEvent, Violation } from '../sim/types';
import {
  DEFAULT_SPEED,
  type ClientHistoryView,
  type FrameMessage,
  type FromWorker,
  type HistoryInfo,
  type LiveAction,
} from '../worker/protocol';
import { assembleFrame } from './assemble-frame';
import type { EnginePort } from './engine-port';
import { applyMarksUpdate, type HeldMarks } from './marks-update';
import { reuseLogs } from './reuse-logs';
import { stepChanges, type StepChanges } from './step-changes';
import { trackEnded } from './ended-messages';
import { unpackFrame } from './unpack-frame';
import { VIEW_WAITS_AT_MOST_MS, ViewPacer } from './view-pacer';
import { watchWorker } from './watchdog';

export type Lang = 'ko' | 'en';

/** How many trace records the event feed keeps. */
const FEED_LENGTH = 500;
const LANG_KEY = 'raft-classroom.lang';

export interface Notice {
  readonly id: number;
  readonly tone: 'error' | 'info';
  readonly text: string;
  /** A refused action as data, so the notice can be worded in the chosen language. */
  readonly refusal?: ActionRefusal;
}

/** Things the worker reports that the UI words in the current language. */
export type EngineReport =
  | { readonly kind: 'notFound'; readonly milestone: MilestoneKind; readonly reason: 'limit' | 'no-more-events' }
  | { readonly kind: 'pausedOnViolation'; readonly violation: Violation }
  | { readonly kind: 'overBudget'; readonly time: number; readonly limit: number }
  /** An explored path opened spread out, but some choice fell at the same instant as an event. */
  | { readonly kind: 'spreadStuck' }
  | {
      readonly kind: 'seekTooFar';
      readonly target: number;
      readonly estimate: number;
      readonly limit: number;
      /** A link's instant: the run opened at its start (else the view stayed where it was). */
      readonly restarted: boolean;
    };

/** A far seek the worker computes in steps: how far it has got. */
export interface SeekProgress {
  readonly target: number;
  readonly reached: number;
}

export interface SimStore {
  /** The cluster the view draws. While playing it may be one frame behind `live`. */
  snapshot: ClusterFrame | null;
  /** The newest frame's cluster: what the message canvas paints. */
  live: ClusterFrame | null;
  /** The most recent trace records, oldest first. */
  feed: readonly TraceEvent[];
  /**
   * How many times the view jumped (a move back, another branch, a new run: FrameMessage.jumped): the event
   * feed's longer story starts over when this changes, rather than go on with what is not this instant's past.
   */
  feedJumps: number;
  playing: boolean;
  speed: number;
  scenario: Scenario;
  /** The worker crashed: the UI shows this with a restart button. */
  engineError: string | null;
  /** The worker stopped answering the watchdog (dead or stuck): shown like engineError. */
  engineStalled: boolean;
  notices: readonly Notice[];
  selectedNode: NodeId | null;
  selectedMessage: number | null;
  /** The message under the pointer in the space-time diagram, for the cluster view to highlight. */
  hoveredMessage: number | null;
  lang: Lang;
  /** Manual delivery mode: time stands still until the user delivers, drops or fires something. */
  manual: boolean;
  /** The run's history: how far it has been computed, and its branches. */
  history: HistoryInfo | null;
  /** Term bands, leaders, crashes, network changes, commits and violations for the timeline. */
  marks: TimelineMarks | null;
  /** The latest space-time diagram window the worker sent. */
  spaceTime: SpaceTimeWindow | null;
  /** Messages that ended since that window, as the frames tell it (ended-messages.ts). */
  endedMessages: readonly SpaceTimeMessage[];
  /** The latest client history (with the linearizability checker's verdict) the worker sent. */
  clientHistory: ClientHistoryView | null;
  /** While paused: what the last step or jump changed, to highlight it. */
  changes: StepChanges | null;
  /** A far seek in progress (the UI shows its progress and a Cancel button), or null. */
  seeking: SeekProgress | null;
  /** The latest report the UI should put in words (cleared by the component that shows it). */
  report: (EngineReport & { readonly id: number }) | null;

  connect(port: EnginePort): void;
  load(scenario: Scenario, at?: number): void;
  reset(): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(): void;
  stepBack(): void;
  stepTo(kind: MilestoneKind): void;
  seek(time: number): void;
  /** Stop a far seek where it has got to. */
  cancelSeek(): void;
  switchBranch(id: number): void;
  setManual(on: boolean): void;
  requestSpaceTime(from: number, to: number): void;
  requestClientHistory(): void;
  /** The current branch as a scenario, with the instant being viewed. */
  exportScenario(): Promise<{ scenario: Scenario; at: number }>;
  setSpeed(speed: number): void;
  act(action: LiveAction): void;
  /** Actions from the current instant, each a little after the one before (an explored stale read). */
  actSpread(actions: readonly LiveAction[]): void;
  restartEngine(): void;
  selectNode(id: NodeId | null): void;
  selectMessage(id: number | null): void;
  hoverMessage(id: number | null): void;
  setLang(lang: Lang): void;
  notify(tone: Notice['tone'], text: string): void;
  dismissNotice(id: number): void;
}

/**
 * The schema's parse of `{ version: 1, nodes: 5, seed: 1 }`, written out so the first paint does not
 * load the schema validator (sim-store.test.ts checks it still equals the parse).
 */
export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  seed: 1,
  nodes: 5,
  timing: {
    electionTimeout: [150, 300],
    heartbeatInterval: 50,
    latency: [10, 20],
    clientTimeout: 500,
    clientDeadline: 5000,
    clockDriftBound: 1,
  },
  options: {
    preVote: false,
    checkQuorum: false,
    leaderNoop: false,
    fastBackup: false,
    maxEntriesPerMessage: 10,
    snapshotThreshold: 0,
    snapshotChunk: 256,
    reads: 'log',
    followerReads: false,
  },
  unsafe: {
    noElectionRestriction: false,
    commitPreviousTerms: false,
    forgetOnRestart: false,
    snapshotUncommitted: false,
    localReads: false,
    leaseIgnoresDrift: false,
  },
  network: { dropRate: 0, duplicateRate: 0, reorder: false },
  initial: {},
  actions: [],
};

let port: EnginePort | null = null;
let makePort: (() => EnginePort) | null = null;
let watching: { answered(id: number): void; stop(): void } | null = null;
let useWatchdog = false;
/** A frame arrived since the last load: the instant shown is one the engine could reach. */
let shownSinceLoad = false;
let noticeId = 0;
let requestId = 0;
const pendingExports = new Map<number, (value: { scenario: Scenario; at: number }) => void>();

const raf: (cb: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => queueMicrotask(cb);

/** The language a page address asks for (`?lang=ko`, `?lang=en`), or null when it asks for none. */
export function langFromSearch(search: string): Lang | null {
  const value = new URLSearchParams(search).get('lang');
  return value === 'ko' || value === 'en' ? value : null;
}

function initialLang(): Lang {
  // A link a teacher hands out (`?lang=ko`) wins over what this browser last chose.
  const asked = langFromSearch(globalThis.location?.search ?? '');
  if (asked !== null) return asked;
  try {
    const saved = globalThis.localStorage?.getItem(LANG_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    // Storage can be blocked (private mode); the browser language decides then.
  }
  const browser = globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export const useSimStore = create<SimStore>()((set, get) => {
  /** The view's part of the newest frame, while it waits for its turn (view-pacer.ts). */
  let waitingView: Partial<SimStore> | null = null;
  let waitingTimer: ReturnType<typeof setTimeout> | null = null;
  /** The newest marks with the series they belong to (ahead of `marks` while a view waits). */
  let heldMarks: HeldMarks | null = null;
  const pacer = new ViewPacer();
  const dropWaitingView = (): void => {
    if (waitingTimer !== null) clearTimeout(waitingTimer);
    waitingTimer = null;
    waitingView = null;
  };
  const showView = (view: Partial<SimStore>): void => {
    dropWaitingView();
    pacer.shown(performance.now());
    set(view);
  };
  const showWaitingView = (): void => {
    waitingTimer = null;
    if (waitingView) showView(waitingView);
  };

  /** `spare`: the packed frame's buffer, handed back to the worker once the frame is read (see `ready`). */
  const onFrame = (message: FrameMessage, spare?: ArrayBuffer): void => {
    shownSinceLoad = true;
    const previous = get().live;
    const live = reuseLogs(previous, assembleFrame(previous, message));
    const shown = get().snapshot;
    const feedSoFar = waitingView?.feed ?? get().feed;
    // Only the records the feed keeps are unpacked into objects (the space-time diagram reads
    // how messages ended from the same ones).
    const fresh = message.events.count > 0 ? unpackTrace(message.events, FEED_LENGTH) : [];
    const feed = message.resetFeed ? fresh : fresh.length > 0 ? appendFeed(feedSoFar, fresh) : feedSoFar;
    const feedJumps = (waitingView?.feedJumps ?? get().feedJumps) + (message.jumped === true ? 1 : 0);
    const selected = get().selectedMessage;
    const selection =
      selected === null || live.messages.some((m) => m.id === selected) ? {} : { selectedMessage: null };
    // While paused, each step (or jump) shows what it changed; playing clears the marks.
    const changes = message.playing
      ? null
      : shown && live.step !== shown.step
        ? stepChanges(shown, live)
        : get().changes;
    // Only what is new comes: add it to the newest marks, shown or waiting (marks set from
    // elsewhere end the series: the next reset starts a new one).
    if (heldMarks && heldMarks.marks !== (waitingView?.marks ?? get().marks)) heldMarks = null;
    const updated = message.marks ? applyMarksUpdate(heldMarks, message.marks) : null;
    if (updated) heldMarks = updated;
    const marks = updated?.marks ?? waitingView?.marks;
    const endedMessages = trackEnded(
      waitingView?.endedMessages ?? get().endedMessages,
      previous,
      live,
      fresh,
      get().spaceTime,
    );
    const view: Partial<SimStore> = {
      snapshot: live,
      endedMessages,
      changes,
      feed,
      feedJumps,
      playing: message.playing,
      speed: message.speed,
      manual: message.manual,
      history: message.history,
      ...(marks ? { marks } : {}),
    };
    if (message.playing && get().playing && !pacer.due(performance.now())) {
      // The canvas moves on now; the rest of the view waits for the next frame (or a moment, if none comes).
      waitingView = view;
      waitingTimer ??= setTimeout(showWaitingView, VIEW_WAITS_AT_MOST_MS);
      set({ live, ...selection });
    } else {
      showView({ live, ...view, ...selection });
    }
    if (!message.playing) pacer.stopped();
    // Ask for the next frame only once this one is painted: at most one frame in flight.
    raf(() => {
      if (message.playing) pacer.drawn(performance.now());
      // A buffer already handed over has no bytes, and cannot be transferred twice.
      port?.send(spare === undefined || spare.byteLength === 0 ? { type: 'ready' } : { type: 'ready', spare });
    });
  };

  const onMessage = (message: FromWorker): void => {
    switch (message.type) {
      case 'packedFrame':
        // Nothing read from the frame keeps its buffer: every record and number is copied out of it.
        return onFrame(unpackFrame(get().live, message), message.numbers.buffer);
      case 'frame':
        return onFrame(message);
      case 'refused': {
        const notice = { id: ++noticeId, tone: 'error' as const, text: message.reason };
        set({
          notices: [...get().notices.slice(-3), message.refusal ? { ...notice, refusal: message.refusal } : notice],
        });
        return;
      }
      case 'notFound':
        set({ report: { id: ++noticeId, kind: 'notFound', milestone: message.kind, reason: message.reason } });
        return;
      case 'pausedOnViolation':
        set({
          report: { id: ++noticeId, kind: 'pausedOnViolation', violation: message.violation },
        });
        return;
      case 'overBudget':
        set({
          report: { id: ++noticeId, kind: 'overBudget', time: message.time, limit: message.limit },
          playing: false,
        });
        return;
      case 'spreadStuck':
        set({ report: { id: ++noticeId, kind: 'spreadStuck' } });
        return;
      case 'seekProgress':
        set({ seeking: { target: message.target, reached: message.reached } });
        return;
      case 'seekDone':
        set({
          seeking: null,
          ...(message.outcome === 'tooFar'
            ? {
                report: {
                  id: ++noticeId,
                  kind: 'seekTooFar',
                  target: message.target,
                  estimate: message.estimate ?? 0,
                  limit: message.limit ?? 0,
                  restarted: message.restarted ?? false,
                },
              }
            : {}),
        });
        return;
      case 'spaceTime':
        set({ spaceTime: message.window });
        return;
      case 'clientHistory':
        set({ clientHistory: message.view });
        return;
      case 'scenario':
        pendingExports.get(message.request)?.({ scenario: message.scenario, at: message.at });
        pendingExports.delete(message.request);
        return;
      case 'pong':
        watching?.answered(message.id);
        return;
      case 'error':
        set({ engineError: message.message, playing: false });
        return;
    }
  };

  const attach = (p: EnginePort): void => {
    port?.terminate();
    watching?.stop();
    watching = null;
    port = p;
    p.onMessage(onMessage);
    p.onCrash((text) => set({ engineError: text, playing: false }));
    if (useWatchdog) {
      watching = watchWorker(
        (id) => p.send({ type: 'ping', id }),
        () => {
          // Dead or stuck: it will not come back by itself.
          p.terminate();
          set({ engineStalled: true, playing: false, seeking: null });
        },
        {
          now: () => performance.now(),
          every: (ms, tick) => {
            const id = setInterval(tick, ms);
            return () => clearInterval(id);
          },
        },
      );
    }
  };

  return {
    snapshot: null,
    live: null,
    feed: [],
    feedJumps: 0,
    playing: false,
    speed: DEFAULT_SPEED,
    scenario: DEFAULT_SCENARIO,
    engineError: null,
    engineStalled: false,
    notices: [],
    selectedNode: null,
    selectedMessage: null,
    hoveredMessage: null,
    lang: initialLang(),
    manual: false,
    history: null,
    marks: null,
    spaceTime: null,
    endedMessages: [],
    clientHistory: null,
    report: null,
    seeking: null,
    changes: null,

    connect(p) {
      attach(p);
    },
    load(scenario, at) {
      dropWaitingView();
      heldMarks = null;
      shownSinceLoad = false;
      set({
        scenario,
        engineStalled: false,
        feed: [],
        selectedMessage: null,
        engineError: null,
        marks: null,
        spaceTime: null,
        endedMessages: [],
        clientHistory: null,
        report: null,
        seeking: null,
        changes: null,
      });
      port?.send({ type: 'load', scenario, ...(at === undefined ? {} : { at }) });
      port?.send({ type: 'speed', speed: get().speed });
    },
    reset() {
      get().load(get().scenario);
    },
    play() {
      port?.send({ type: 'play' });
    },
    pause() {
      port?.send({ type: 'pause' });
    },
    togglePlay() {
      if (get().playing) get().pause();
      else get().play();
    },
    step() {
      port?.send({ type: 'step' });
    },
    stepBack() {
      port?.send({ type: 'stepBack' });
    },
    stepTo(kind) {
      port?.send({ type: 'stepTo', kind });
    },
    seek(time) {
      port?.send({ type: 'seek', time });
    },
    cancelSeek() {
      port?.send({ type: 'cancelSeek' });
    },
    switchBranch(id) {
      port?.send({ type: 'switchBranch', id });
    },
    setManual(on) {
      port?.send({ type: 'manual', on });
    },
    requestSpaceTime(from, to) {
      port?.send({ type: 'spaceTime', from, to, request: ++requestId });
    },
    requestClientHistory() {
      port?.send({ type: 'clientHistory', request: ++requestId });
    },
    exportScenario() {
      const request = ++requestId;
      return new Promise((resolve) => {
        pendingExports.set(request, resolve);
        port?.send({ type: 'exportScenario', request });
      });
    },
    setSpeed(speed) {
      set({ speed });
      port?.send({ type: 'speed', speed });
    },
    act(action) {
      port?.send({ type: 'act', action });
    },
    actSpread(actions) {
      port?.send({ type: 'actSpread', actions });
    },
    restartEngine() {
      // Resume at the last instant shown; if the engine died before showing the one it was asked
      // for, that instant (or its scenario) may be the cause: start the default cluster instead.
      const { scenario, snapshot } = get();
      const resume = shownSinceLoad && snapshot !== null;
      if (makePort) attach(makePort());
      if (resume) get().load(scenario, snapshot.time);
      else get().load(DEFAULT_SCENARIO);
    },
    selectNode(id) {
      set({ selectedNode: id });
    },
    selectMessage(id) {
      set({ selectedMessage: id });
    },
    hoverMessage(id) {
      if (get().hoveredMessage !== id) set({ hoveredMessage: id });
    },
    setLang(lang) {
      try {
        globalThis.localStorage?.setItem(LANG_KEY, lang);
      } catch {
        // Not saved; the choice still holds for this visit.
      }
      if (typeof document !== 'undefined') document.documentElement.lang = lang;
      set({ lang });
    },
    notify(tone, text) {
      const notice = { id: ++noticeId, tone, text };
      set({ notices: [...get().notices.slice(-3), notice] });
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
  };
});

/** Connect the store to an engine made by `factory` (called again when the user restarts a crashed engine). */
export function startEngine(factory: () => EnginePort, options: { readonly watchdog?: boolean } = {}): void {
  makePort = factory;
  useWatchdog = options.watchdog ?? false;
  useSimStore.getState().connect(factory());
}

function appendFeed(feed: readonly TraceEvent[], events: readonly TraceEvent[]): readonly TraceEvent[] {
  const next =
    feed.length + events.length > FEED_LENGTH ? [...feed, ...events].slice(-FEED_LENGTH) : [...feed, ...events];
  return next;
}
