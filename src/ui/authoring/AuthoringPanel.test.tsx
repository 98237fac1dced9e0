// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scenarioSchema, type Scenario } from '../../scenario/schema';
import { decodeLink } from '../../scenario/url';
import { validateScenario } from '../../scenario/validate';
import { useSimStore } from '../../store/sim-store';
import type { FromWorker, ToWorker } from '../../worker/protocol';
import { useLessonStore } from '../lessons/lesson-store';
import { AuthoringButton, AuthoringPanel } from './AuthoringPanel';
import { setAuthoringOpen, useAuthoringStore } from './authoring-store';
import { resetDraftAutosave } from './draft-autosave';

let sent: ToWorker[] = [];
let reply: ((m: FromWorker) => void) | null = null;

const run: Scenario = scenarioSchema.parse({
  version: 1,
  nodes: 3,
  actions: [
    { at: 300, afterStep: 20, do: 'kill', node: 'A' },
    { at: 700, afterStep: 50, do: 'submit', command: '<img src=x onerror=alert(1)>' },
    { at: 1100, afterStep: 90, do: 'restart', node: 'A' },
  ],
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

beforeEach(() => {
  sent = [];
  useSimStore.getState().connect({
    send: (m) => {
      sent.push(m);
      // The worker answers an export with the current branch.
      if (m.type === 'exportScenario')
        queueMicrotask(() => reply?.({ type: 'scenario', request: m.request, scenario: run, at: 1200 }));
    },
    onMessage: (listener) => {
      reply = listener;
    },
    onCrash: () => undefined,
    terminate: () => undefined,
  });
  useSimStore.setState({ lang: 'en', snapshot: null });
  useLessonStore.setState({ lesson: null, beat: 0, answers: {}, minimized: false, target: null, targetBeat: null });
  useAuthoringStore.setState({
    open: false,
    draft: null,
    entry: null,
    unsaved: false,
    restored: false,
    justRestored: false,
  });
  resetDraftAutosave();
  localStorage.clear();
});

async function capture(): Promise<void> {
  render(
    <>
      <AuthoringButton />
      <AuthoringPanel />
    </>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Author a lesson' }));
  fireEvent.click(screen.getByRole('button', { name: 'Capture the run' }));
  await screen.findByRole('table');
}

/** Captures the run at 450 ms and makes it a lesson "A dies" with one captioned pause there. */
async function authorADies(): Promise<void> {
  useSimStore.setState({ snapshot: { time: 450 } as never });
  await capture();
  fireEvent.change(screen.getByRole('textbox', { name: 'Lesson name' }), { target: { value: 'A dies' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add a pause at 450 ms' }));
  fireEvent.change(screen.getByRole('textbox', { name: 'Caption of pause 1 (English)' }), {
    target: { value: 'A is down.' },
  });
}

const rows = (): string[] =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent ?? '');

describe('authoring', () => {
  it('captures the run with every action and its time, shown as text', async () => {
    await capture();
    expect(sent).toContainEqual({ type: 'pause' });
    expect(rows()).toEqual(['kill ADelete', 'submit "<img src=x onerror=alert(1)>"Delete', 'restart ADelete']);
    expect(screen.getByRole('spinbutton', { name: 'Time of action 2 (ms)' })).toHaveValue(700);
    expect(document.querySelector('img')).toBeNull();
  });

  it('deletes and reorders actions, then exports a scenario the runner accepts', async () => {
    await capture();
    fireEvent.click(screen.getByRole('button', { name: 'Delete action 3: restart A' }));
    expect(rows()).toHaveLength(2);
    const time = screen.getByRole('spinbutton', { name: 'Time of action 1 (ms)' });
    fireEvent.change(time, { target: { value: '900' } });
    fireEvent.blur(time);
    expect(rows()[0]).toContain('submit');
    expect(rows()[1]).toContain('kill A');

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Export scenario (.json)' }));
    expect(blobs).toHaveLength(1);
    const result = validateScenario(JSON.parse(await blobs[0]!.text()));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.scenario.actions.map((a) => [a.at, a.do])).toEqual([
        [700, 'submit'],
        [900, 'kill'],
      ]);
  });

  it('adds a captioned pause, saves the lesson in this browser and plays it in the lesson player', async () => {
    await authorADies();
    fireEvent.click(screen.getByRole('button', { name: 'Save in this browser' }));
    expect(screen.getByRole('status')).toHaveTextContent('Saved “A dies”.');

    fireEvent.click(screen.getByRole('button', { name: 'Play A dies' }));
    const lesson = useLessonStore.getState().lesson;
    expect(lesson?.beats).toEqual([{ at: 450, caption: { ko: '', en: 'A is down.' } }]);
    expect(sent.filter((m) => m.type === 'load').at(-1)).toMatchObject({ type: 'load', at: 450 });

    fireEvent.click(screen.getByRole('button', { name: 'Delete A dies' }));
    expect(screen.queryByRole('button', { name: 'Play A dies' })).toBeNull();
  });

  it('copies a link that carries the lesson: its name and captions, at its first pause', async () => {
    await authorADies();
    // jsdom has no clipboard: the link is shown to copy by hand.
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: /^Copy this link by hand/ });
    const decoded = decodeLink((field as HTMLInputElement).value.split('#')[1]!);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.link.at).toBe(450);
    expect(decoded.link.view.own).toEqual({
      name: 'A dies',
      beats: [{ at: 450, caption: { ko: '', en: 'A is down.' } }],
    });
    expect(decoded.link.view.beat).toBe(0);
  });

  it('shows the field message of a malformed imported file as text', async () => {
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    const file = new File(
      [JSON.stringify({ version: 1, nodes: 3, actions: [{ at: 1, do: 'kill', node: 'F' }] })],
      'bad.json',
      {
        type: 'application/json',
      },
    );
    fireEvent.change(screen.getByLabelText('Import a JSON file (scenario or lesson)'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('“bad.json” could not be imported:');
    expect(alert).toHaveTextContent('actions[0].node: no node "F" in a 3-node cluster');
  });

  it('imports a valid scenario file into the editor', async () => {
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    const file = new File(
      [JSON.stringify({ version: 1, nodes: 3, actions: [{ at: 5, do: 'heal' }] })],
      'mine.scenario.json',
    );
    fireEvent.change(screen.getByLabelText('Import a JSON file (scenario or lesson)'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('mine'));
    expect(rows()).toEqual(['healDelete']);
  });
});

const lessonText = (name: string, actions: unknown[] = [{ at: 5, do: 'heal' }]): string =>
  JSON.stringify({
    format: 'raft-classroom-lesson',
    version: 1,
    name,
    beats: [],
    scenario: { version: 1, nodes: 3, actions },
  });

function importText(text: string, name: string): void {
  fireEvent.change(screen.getByLabelText(/^(Import a JSON file|JSON 파일 가져오기)/), {
    target: { files: [new File([text], name)] },
  });
}

describe('nothing a teacher drafted is lost', () => {
  it('brings back the draft autosaved before a reload, and says so', () => {
    const file = JSON.parse(lessonText('Before the reload')) as unknown;
    localStorage.setItem('raft-classroom.authoring-draft', JSON.stringify({ entry: null, unsaved: true, file }));
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('Before the reload');
    expect(screen.getByRole('status')).toHaveTextContent('Your draft was restored as you left it.');
  });

  it('keeps the draft when the panel is closed and opened again', async () => {
    await authorADies();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('textbox', { name: 'Lesson name' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Author a lesson' }));
    expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('A dies');
    expect(screen.getByRole('textbox', { name: 'Caption of pause 1 (English)' })).toHaveValue('A is down.');
  });

  it('asks before a valid import replaces unsaved changes; "Keep editing" keeps them', async () => {
    await authorADies();
    importText(lessonText('Imported'), 'imported.lesson.json');
    const dialog = await screen.findByRole('dialog', { name: 'Replace the lesson you are editing?' });
    expect(dialog).toHaveTextContent('“A dies” has changes that are not saved in this browser.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('A dies');
    expect(rows()).toHaveLength(3);
  });

  it('replaces the draft once the teacher confirms', async () => {
    await authorADies();
    importText(lessonText('Imported'), 'imported.lesson.json');
    const dialog = await screen.findByRole('dialog', { name: 'Replace the lesson you are editing?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace it' }));
    expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('Imported');
    expect(rows()).toEqual(['healDelete']);
  });

  it('does not ask when the draft was just saved', async () => {
    await authorADies();
    fireEvent.click(screen.getByRole('button', { name: 'Save in this browser' }));
    importText(lessonText('Imported'), 'imported.lesson.json');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Lesson name' })).toHaveValue('Imported'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks in Korean too', async () => {
    useSimStore.setState({ lang: 'ko' });
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    fireEvent.click(screen.getByRole('button', { name: '실행 가져오기' }));
    await screen.findByRole('table');
    importText(lessonText('가져온 수업'), 'ko.lesson.json');
    const dialog = await screen.findByRole('dialog', { name: '편집 중인 수업을 바꿀까요?' });
    expect(within(dialog).getByRole('button', { name: '계속 편집' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '바꾸기' })).toBeInTheDocument();
  });

  it('saving an edited saved lesson rewrites only that entry, and same-named lessons are told apart', async () => {
    await authorADies();
    fireEvent.click(screen.getByRole('button', { name: 'Save in this browser' }));
    // A second lesson of the same name: a new draft, saved as its own entry.
    importText(lessonText('A dies'), 'a-dies.lesson.json');
    await waitFor(() => expect(rows()).toEqual(['healDelete']));
    fireEvent.click(screen.getByRole('button', { name: 'Save in this browser' }));
    const plays = screen.getAllByRole('button', { name: /^Play A dies/ });
    expect(plays).toHaveLength(2);
    expect(new Set(plays.map((b) => b.getAttribute('aria-label'))).size).toBe(2);
  });
});

describe('saved entries this app cannot read', () => {
  const future = JSON.stringify({ format: 'raft-classroom-lesson', version: 3, name: 'Next year', scenario: {} });

  it('lists them as "could not be read" with the reason, and exports them byte for byte', async () => {
    localStorage.setItem('raft-classroom.lesson.0-0001', future);
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    expect(screen.getByText('Could not be read')).toBeInTheDocument();
    expect(screen.getByText(/“Next year” could not be read:/)).toBeInTheDocument();

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Export “Next year” as it is' }));
    expect(await blobs[0]!.text()).toBe(future);
    expect(localStorage.getItem('raft-classroom.lesson.0-0001')).toBe(future);
  });

  it('says so in Korean', () => {
    useSimStore.setState({ lang: 'ko' });
    localStorage.setItem('raft-classroom.lesson.0-0001', future);
    act(() => setAuthoringOpen(true));
    render(<AuthoringPanel />);
    expect(screen.getByText('읽을 수 없는 저장본')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '“Next year” 있는 그대로 내보내기' })).toBeInTheDocument();
  });
});

describe('what the app writes, it can read', () => {
  /** A captured run longer than a link can hold (2,000 actions) and than a file can (10,000). */
  function captureActions(count: number): void {
    const actions = Array.from({ length: count }, (_, i) => ({ at: i, do: 'heal' as const }));
    useSimStore.getState().connect({
      send: (m) => {
        if (m.type === 'exportScenario')
          queueMicrotask(() => reply?.({ type: 'scenario', request: m.request, scenario: { ...run, actions }, at: 0 }));
      },
      onMessage: (listener) => {
        reply = listener;
      },
      onCrash: () => undefined,
      terminate: () => undefined,
    });
  }

  it('refuses to copy a link the app could not open, saying why', async () => {
    captureActions(2_001);
    await capture();
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was written: this app could not open the result again.');
    expect(alert).toHaveTextContent('at most 2000');
    expect(screen.queryByRole('textbox', { name: /^Copy this link by hand/ })).toBeNull();
  }, 30_000);

  it('refuses to export a file the app could not import again, saying why', async () => {
    captureActions(10_001);
    await capture();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Export scenario (.json)' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was written');
    expect(alert).toHaveTextContent('actions');
    expect(click).not.toHaveBeenCalled();
  }, 30_000);

  it('draws a long action list by pages, with controls that move between them', async () => {
    captureActions(230);
    await capture();
    const pager = screen.getByRole('navigation', { name: 'Pages of actions' });
    const where = within(pager).getByRole('status');
    const firstTime = (): string | undefined =>
      screen.getAllByRole('spinbutton', { name: /^Time of action/ })[0]?.getAttribute('aria-label') ?? undefined;
    expect(rows()).toHaveLength(50);
    expect(where).toHaveTextContent('Actions 1–50 of 230 (page 1 of 5)');
    expect(within(pager).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    expect(within(pager).getByRole('button', { name: 'First page' })).toBeDisabled();

    fireEvent.click(within(pager).getByRole('button', { name: 'Next page' }));
    expect(where).toHaveTextContent('Actions 51–100 of 230 (page 2 of 5)');
    expect(firstTime()).toBe('Time of action 51 (ms)');

    fireEvent.click(within(pager).getByRole('button', { name: 'Last page' }));
    expect(where).toHaveTextContent('Actions 201–230 of 230 (page 5 of 5)');
    expect(rows()).toHaveLength(30);
    expect(within(pager).getByRole('button', { name: 'Next page' })).toBeDisabled();

    const goTo = within(pager).getByRole('spinbutton', { name: 'Go to page (1–5)' });
    fireEvent.change(goTo, { target: { value: '3' } });
    fireEvent.keyDown(goTo, { key: 'Enter' });
    expect(where).toHaveTextContent('Actions 101–150 of 230 (page 3 of 5)');
    // Out of range: the nearest page.
    const again = within(pager).getByRole('spinbutton', { name: 'Go to page (1–5)' });
    fireEvent.change(again, { target: { value: '99' } });
    fireEvent.blur(again);
    expect(where).toHaveTextContent('page 5 of 5');

    // A row on a later page edits its own action, not the one at the same place on page 1.
    fireEvent.click(within(pager).getByRole('button', { name: 'First page' }));
    fireEvent.click(within(pager).getByRole('button', { name: 'Next page' }));
    const timeOf51 = (): HTMLInputElement => screen.getByRole('spinbutton', { name: 'Time of action 51 (ms)' });
    expect(timeOf51()).toHaveValue(50);
    fireEvent.click(screen.getByRole('button', { name: 'Delete action 51: heal' }));
    expect(where).toHaveTextContent('Actions 51–100 of 229 (page 2 of 5)');
    expect(timeOf51()).toHaveValue(51);
    fireEvent.click(within(pager).getByRole('button', { name: 'Previous page' }));
    expect(firstTime()).toBe('Time of action 1 (ms)');
  }, 30_000);

  it('shows no page controls for a list that fits one page', async () => {
    captureActions(50);
    await capture();
    expect(rows()).toHaveLength(50);
    expect(screen.queryByRole('navigation', { name: 'Pages of actions' })).toBeNull();
  }, 30_000);
});

describe('times and pauses in the editor (issue 12)', () => {
  it('refuses a second pause at an instant that has one, naming the field', async () => {
    await authorADies();
    fireEvent.click(screen.getByRole('button', { name: 'Add a pause at 450 ms' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Add a pause at 450 ms: pause 1 is already at 450 ms');
    expect(useAuthoringStore.getState().draft?.beats).toHaveLength(1);
  });

  it('refuses moving a pause onto the instant of another, naming the field', async () => {
    await authorADies();
    act(() => useSimStore.setState({ snapshot: { time: 900 } as never }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a pause at 900 ms' }));
    const second = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Time of pause 2 (ms)' });
    fireEvent.change(second, { target: { value: '450' } });
    fireEvent.blur(second);
    expect(second.validationMessage).toBe(
      'Time of pause 2 (ms): pause 1 is already at 450 ms (one pause per instant).',
    );
    expect(second).toHaveValue(900);
    expect(useAuthoringStore.getState().draft?.beats.map((b) => b.at)).toEqual([450, 900]);
  });

  it('shows a recorded time to 0.1 ms, and keeps the exact time when the field is left unchanged', async () => {
    render(
      <>
        <AuthoringButton />
        <AuthoringPanel />
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Author a lesson' }));
    importText(lessonText('Noisy', [{ at: 1560.8559999998138, do: 'heal' }]), 'noisy.lesson.json');
    const time = await screen.findByRole('spinbutton', { name: 'Time of action 1 (ms)' });
    expect(time).toHaveValue(1560.9);
    fireEvent.blur(time);
    expect(useAuthoringStore.getState().draft?.scenario.actions[0]?.at).toBe(1560.8559999998138);
  });
});
