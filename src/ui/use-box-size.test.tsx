// @vitest-environment jsdom
// The measured box follows the element even when it is replaced without its owner re-rendering: the
// ring's drawing remounts when motion loads and wraps it, and an observer left on the old element
// froze the ring's layout (issue 12).

import { act, fireEvent, render } from '@testing-library/react';
import { useRef, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMeasuredBox } from './use-box-size';

/** A ResizeObserver that reports when told to, and remembers what it observes. */
class FakeObserver {
  static live: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeObserver.live.push(this);
  }
  observe(el: Element): void {
    this.targets.add(el);
  }
  unobserve(el: Element): void {
    this.targets.delete(el);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** Reports `el` at `width`×`height` to every observer watching it. */
  static resize(el: Element, width: number, height: number): void {
    for (const o of FakeObserver.live)
      if (o.targets.has(el))
        o.callback(
          [{ target: el, contentRect: { width, height } } as ResizeObserverEntry],
          o as unknown as ResizeObserver,
        );
  }
}

/** Wraps its children in a different element type once pressed: React remounts them, as MotionProvider does. */
function Wrapper({ children }: { readonly children: ReactNode }) {
  const [wrapped, setWrapped] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setWrapped(true)}>
        wrap
      </button>
      {wrapped ? <section>{children}</section> : <>{children}</>}
    </>
  );
}

function Measured() {
  const ref = useRef<HTMLDivElement>(null);
  const [box, measure] = useMeasuredBox(ref, { width: 1, height: 1 });
  return (
    <>
      <p data-testid="size">{`${box.width}×${box.height}`}</p>
      <Wrapper>
        <div ref={measure} data-testid="drawing" />
      </Wrapper>
    </>
  );
}

describe('useMeasuredBox', () => {
  beforeEach(() => {
    FakeObserver.live = [];
    globalThis.ResizeObserver = FakeObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
  });

  it('measures the element, and the new one after a remount its owner did not render', () => {
    const { getByTestId, getByRole } = render(<Measured />);
    const first = getByTestId('drawing');
    act(() => FakeObserver.resize(first, 851, 171));
    expect(getByTestId('size')).toHaveTextContent('851×171');

    fireEvent.click(getByRole('button', { name: 'wrap' }));
    const second = getByTestId('drawing');
    expect(second).not.toBe(first);
    act(() => FakeObserver.resize(second, 864, 362));
    expect(getByTestId('size')).toHaveTextContent('864×362');
    // The old element is no longer watched.
    expect(FakeObserver.live.some((o) => o.targets.has(first))).toBe(false);
  });
});
