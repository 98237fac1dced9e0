// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLesson, LESSONS } from '../../scenario/lessons';
import { scenarioSchema } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import type { ToWorker } from '../../worker/protocol';
import { chapterOf } from './LessonLibrary';
import { LessonsButton } from './LessonsButton';
import { LessonPlayer } from './LessonPlayer';
import { openLesson, useLessonStore } from './lesson-store';
import { connectFakeWorker } from '../test/store';

let sent: ToWorker[] = [];
const splitVote = findLesson('split-vote')!;

afterEach(cleanup);

beforeEach(() => {
  sent = connectFakeWorker({ lang: 'en', speed: 0.01, playing: false, snapshot: null, selectedNode: null });
  useLessonStore.setState({ lesson: null, beat: 0, answers: {}, minimized: false, target: null, targetBeat: null });
  localStorage.clear();
});

const seeks = (): number[] => sent.flatMap((m) => (m.type === 'seek' ? [m.time] : []));

describe('lesson library', () => {
  it('lists every lesson by chapter of the course notes and plays one from its first pause', async () => {
    render(<LessonsButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Lessons' }));
    // The library is loaded when first opened.
    const dialog = await screen.findByRole('dialog', { name: 'Lesson library' });
    expect(within(dialog).getByRole('heading', { name: '§3 Leader election' })).toBeInTheDocument();
    expect(within(dialog).getByRole('heading', { name: /§6 Network faults/ })).toBeInTheDocument();
    expect(within(dialog).getAllByRole('button', { name: /^Play lesson: / })).toHaveLength(LESSONS.length);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Play lesson: A split vote' }));
    expect(sent).toContainEqual({ type: 'load', scenario: scenarioSchema.parse(splitVote.scenario), at: 100 });
    expect(useLessonStore.getState().lesson?.id).toBe('split-vote');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows titles in Korean when the language is Korean', async () => {
    useSimStore.setState({ lang: 'ko' });
    render(<LessonsButton />);
    fireEvent.click(screen.getByRole('button', { name: '수업' }));
    expect(
      await screen.findByRole('button', { name: '수업 재생: 표 갈림 (Split Vote): 표가 갈리면' }),
    ).toBeInTheDocument();
  });

  it('files "2–3.2" under chapter 3 and "6.2" under 6', () => {
    expect(chapterOf('2–3.2')).toBe('3');
    expect(chapterOf('6.2')).toBe('6');
    expect(chapterOf('5')).toBe('5');
  });
});

describe('lesson player', () => {
  it('Next and Back seek the run to the beat instants, with a progress indicator', () => {
    act(() => {
      openLesson(splitVote);
    });
    render(<LessonPlayer />);
    expect(screen.getByText('Pause 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous pause' })).toBeDisabled();
    expect(screen.getByText(splitVote.beats[0]!.caption.en)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next pause' }));
    expect(seeks().at(-1)).toBe(150);
    expect(screen.getByText('Pause 2 of 3')).toBeInTheDocument();
    expect(screen.getByText(splitVote.beats[1]!.caption.en)).toBeInTheDocument();
    expect(screen.getByText('how many votes A and C hold')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Next pause' }));
    expect(seeks().at(-1)).toBe(330);
    expect(screen.getByRole('button', { name: 'Next pause' })).toBeDisabled();
    // The last pause says so beside the buttons, in the bar that stays in sight when a long beat scrolls.
    expect(screen.getByText('This is the last pause. Free play, or pick another lesson.').parentElement).toBe(
      screen.getByRole('button', { name: 'Next pause' }).parentElement,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Previous pause' }));
    expect(seeks().at(-1)).toBe(150);
    fireEvent.click(screen.getByRole('button', { name: 'Previous pause' }));
    expect(seeks().at(-1)).toBe(100);
    expect(screen.getByText('Pause 1 of 3')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Go to pause 3' }));
    expect(seeks().at(-1)).toBe(330);
    expect(screen.getByRole('button', { name: 'Go to pause 3' })).toHaveAttribute('aria-current', 'step');
  });

  it('a prediction question reveals its answer and plays on to the next pause', () => {
    act(() => {
      openLesson(splitVote);
    });
    useSimStore.setState({ speed: 1 });
    render(<LessonPlayer />);
    const question = screen.getByRole('group', { name: /who will lead term 1/ });
    expect(screen.queryByText(/B voted for A and D for C/)).toBeNull();

    fireEvent.click(within(question).getByRole('button', { name: 'A' }));
    expect(screen.getByText('Not quite: the answer is “Nobody”.')).toBeInTheDocument();
    expect(screen.getByText(splitVote.beats[0]!.question!.reveal.en)).toBeInTheDocument();
    expect(sent.at(-1)).toEqual({ type: 'play' });
    expect(useLessonStore.getState().target).toBe(150);

    // The first frame at or past the target stops the run exactly there.
    act(() => useSimStore.setState({ playing: true, snapshot: { time: 163 } as never }));
    expect(sent.at(-1)).toEqual({ type: 'seek', time: 150 });
    expect(useLessonStore.getState().target).toBeNull();
  });

  it('"Play to the next pause" plays the run there and then shows that pause', () => {
    act(() => {
      openLesson(splitVote);
    });
    useSimStore.setState({ speed: 1, snapshot: { time: 100 } as never });
    render(<LessonPlayer />);
    fireEvent.click(screen.getByRole('button', { name: 'Play to the next pause' }));
    expect(sent.at(-1)).toEqual({ type: 'play' });
    expect(screen.getByText('Pause 1 of 3')).toBeInTheDocument();
    // The first frame at or past the pause's instant stops the run there, and the card moves on.
    act(() => useSimStore.setState({ playing: true, snapshot: { time: 163 } as never }));
    expect(sent.at(-1)).toEqual({ type: 'seek', time: 150 });
    expect(screen.getByText('Pause 2 of 3')).toBeInTheDocument();
    expect(screen.getByText(splitVote.beats[1]!.caption.en)).toBeInTheDocument();
  });

  it('after a question has played on, "Play to the next pause" shows the pause the run is at', () => {
    act(() => {
      openLesson(splitVote);
    });
    useSimStore.setState({ speed: 1, snapshot: { time: 100 } as never });
    render(<LessonPlayer />);
    fireEvent.click(
      within(screen.getByRole('group', { name: /who will lead term 1/ })).getByRole('button', { name: 'A' }),
    );
    act(() => useSimStore.setState({ playing: true, snapshot: { time: 163 } as never }));
    // The answer stays in view beside the outcome…
    expect(screen.getByText('Pause 1 of 3')).toBeInTheDocument();
    act(() => useSimStore.setState({ playing: false, snapshot: { time: 150 } as never }));
    // …until the teacher moves on.
    fireEvent.click(screen.getByRole('button', { name: 'Play to the next pause' }));
    expect(screen.getByText('Pause 2 of 3')).toBeInTheDocument();
  });

  it('a right answer is called right', () => {
    act(() => {
      openLesson(splitVote);
    });
    render(<LessonPlayer />);
    fireEvent.click(screen.getByRole('button', { name: 'Nobody' }));
    expect(screen.getByText('Right!')).toBeInTheDocument();
  });

  it('Free play hands the run over and the lesson can be resumed at its beat', () => {
    act(() => {
      openLesson(splitVote, 1);
    });
    render(<LessonPlayer />);
    fireEvent.click(screen.getByRole('button', { name: 'Free play' }));
    expect(sent.at(-1)).toEqual({ type: 'play' });
    expect(screen.queryByRole('button', { name: 'Next pause' })).toBeNull();
    expect(screen.getByText('Lesson: A split vote (pause 2 of 3)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the lesson' }));
    expect(sent.at(-1)).toEqual({ type: 'seek', time: 150 });
    expect(screen.getByRole('button', { name: 'Next pause' })).toBeInTheDocument();
  });

  it('focus nodes are buttons that select the node', () => {
    act(() => {
      openLesson(splitVote);
    });
    render(<LessonPlayer />);
    fireEvent.click(screen.getByRole('button', { name: 'Select node C' }));
    expect(useSimStore.getState().selectedNode).toBe('C');
  });
});
