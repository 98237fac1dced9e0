// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atEnd, useStickToEnd, type ScrollAxis } from './use-stick-to-end';

// The hook scrolls in the next animation frame: the tests run frames by hand.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** React commits, then the browser runs the next animation frame. */
function nextFrame(): void {
  act(() => {
    vi.advanceTimersToNextFrame();
  });
}

/** jsdom lays nothing out: give the element a content and view size along both axes. */
function size(el: HTMLElement, content: number, view: number): void {
  for (const [prop, value] of [
    ['scrollHeight', content],
    ['scrollWidth', content],
    ['clientHeight', view],
    ['clientWidth', view],
  ] as const) {
    Object.defineProperty(el, prop, { configurable: true, value });
  }
}

function List({ axis, items }: { axis: ScrollAxis; items: number }) {
  const { ref, pinned, onScroll, toEnd } = useStickToEnd<HTMLDivElement>(axis, 10, items);
  return (
    <div>
      <div data-testid="list" ref={ref} onScroll={(e) => onScroll(e.currentTarget)}>
        {items}
      </div>
      {pinned ? null : (
        <button type="button" onClick={toEnd}>
          newest
        </button>
      )}
    </div>
  );
}

describe('atEnd', () => {
  it('is true within the slack of the end along the axis', () => {
    const el = document.createElement('div');
    size(el, 1000, 200);
    el.scrollTop = 790;
    expect(atEnd(el, 'y', 10)).toBe(true);
    el.scrollTop = 789;
    expect(atEnd(el, 'y', 10)).toBe(false);
    expect(atEnd(el, 'x', 10)).toBe(false);
    el.scrollLeft = 800;
    expect(atEnd(el, 'x', 0)).toBe(true);
  });
});

describe('useStickToEnd', () => {
  it.each(['x', 'y'] as const)('follows new content along %s until the user scrolls back, then on demand', (axis) => {
    const position = axis === 'y' ? 'scrollTop' : 'scrollLeft';
    const { rerender } = render(<List axis={axis} items={1} />);
    const list = screen.getByTestId('list');
    size(list, 1000, 200);

    rerender(<List axis={axis} items={2} />);
    // Not measured during the commit (that would force a layout per commit): in the next frame.
    expect(list[position]).toBe(0);
    nextFrame();
    expect(list[position]).toBe(1000);
    expect(screen.queryByRole('button', { name: 'newest' })).not.toBeInTheDocument();

    // The user scrolls back: new content no longer moves the view.
    list[position] = 300;
    fireEvent.scroll(list);
    size(list, 1200, 200);
    rerender(<List axis={axis} items={3} />);
    nextFrame();
    expect(list[position]).toBe(300);

    // Back to the end: follows again.
    act(() => screen.getByRole('button', { name: 'newest' }).click());
    expect(list[position]).toBe(1200);
    expect(screen.queryByRole('button', { name: 'newest' })).not.toBeInTheDocument();
    size(list, 1500, 200);
    rerender(<List axis={axis} items={4} />);
    nextFrame();
    expect(list[position]).toBe(1500);
  });

  it('stays pinned when the end moves on after its own scroll (lines laid out a frame later)', () => {
    const { rerender } = render(<List axis="y" items={1} />);
    const list = screen.getByTestId('list');
    size(list, 1000, 200);
    rerender(<List axis="y" items={2} />);
    nextFrame();
    expect(list.scrollTop).toBe(1000);
    // The new line turned out taller than first laid out; the scroll event of our own scroll comes now.
    size(list, 1300, 200);
    fireEvent.scroll(list);
    expect(screen.queryByRole('button', { name: 'newest' })).not.toBeInTheDocument();
    rerender(<List axis="y" items={3} />);
    nextFrame();
    expect(list.scrollTop).toBe(1300);
  });

  it('scrolls once per frame however many commits the frame holds', () => {
    const { rerender } = render(<List axis="y" items={1} />);
    const list = screen.getByTestId('list');
    size(list, 1000, 200);
    let reads = 0;
    Object.defineProperty(list, 'scrollHeight', {
      configurable: true,
      get: () => {
        reads++;
        return 1000;
      },
    });
    for (let items = 2; items <= 6; items++) rerender(<List axis="y" items={items} />);
    expect(reads).toBe(0);
    nextFrame();
    expect(reads).toBe(1);
    expect(list.scrollTop).toBe(1000);
  });
});
