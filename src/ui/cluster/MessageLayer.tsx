// Every message in flight, placed by virtual time along its lane, plus the ones that died a
// moment ago fading out where they died. The shapes are painted on a canvas over the ring
// (hundreds of moving SVG groups cost too much style, layout and paint per frame). Each message
// also has a transparent button with its accessible name, for the keyboard and screen readers:
// while paused every button sits on its shape and takes clicks; while playing only a focused
// one follows its message (moving hundreds of buttons every frame is what a canvas saves), and
// a click on the drawing picks the message under the pointer from the painted positions.
// While playing only the selected message and a focused one keep their buttons: under load most
// messages arrive between two frames, and hundreds of buttons created and removed per frame cost
// more than the painting itself; the group then says how many are in flight and how to pick one.

import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type Dispatch,
  type RefObject,
  type SetStateAction,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import type { BoxSize } from '../use-box-size';
import type { Layout } from './geometry';
import type { MessageKind } from './message-kind';
import { envelopeName } from './message-name';
import { DOT_SCALE, SELECT_RADIUS } from './message-shape';
import { lanesOf, placeDropped, placeMessages, spriteAt, type Lanes, type MessageSprite } from './message-sprites';
import { fitView, paintMessages, type ViewFit } from './paint-messages';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

/** Side of a message's button in viewBox units: the selection ring's diameter at drawing scale. */
const HIT_SIZE = 2 * SELECT_RADIUS * DOT_SCALE;

const NONE: readonly never[] = [];

interface MessageButtonProps {
  readonly id: number;
  readonly kind: MessageKind;
  readonly label: string;
  readonly selected: boolean;
  readonly hovered: boolean;
  readonly onSelect: (id: number) => void;
  /** Which message's button has the focus (it keeps its button while playing). */
  readonly onFocusChange: Dispatch<SetStateAction<number | null>>;
}

/** Positioned by the layer after each render (a style write, not a React prop: it changes every frame). */
const MessageButton = memo(function MessageButton({
  id,
  kind,
  label,
  selected,
  hovered,
  onSelect,
  onFocusChange,
}: MessageButtonProps) {
  return (
    <button
      type="button"
      className={styles.msgHit}
      aria-label={label}
      aria-pressed={selected}
      data-kind={kind}
      data-hovered={hovered || undefined}
      onClick={() => onSelect(id)}
      onFocus={() => onFocusChange(id)}
      onBlur={() => onFocusChange((focused) => (focused === id ? null : focused))}
    />
  );
});

interface MessageLayerProps {
  readonly layout: Layout;
  /** The drawing's size in CSS pixels. */
  readonly box: BoxSize;
  /** The element holding the SVG and this layer: clicks on it may be meant for a message. */
  readonly drawing: RefObject<HTMLElement | null>;
  /** How much larger than the drawing's scale the glyphs are drawn (1: as drawn). */
  readonly glyph?: number;
}

interface Painted {
  readonly sprites: readonly MessageSprite[];
  readonly fit: ViewFit;
}

interface MessageCanvasProps {
  readonly lanes: Lanes;
  readonly box: BoxSize;
  readonly fit: ViewFit;
  /** Where the canvas records what it painted, for the pointer handlers. */
  readonly paintedRef: RefObject<Painted>;
}

/**
 * The painting, from the newest frame (`live`): it moves on every frame even while the rest of the
 * view takes fewer (src/store/view-pacer.ts).
 */
const MessageCanvas = memo(function MessageCanvas({ lanes, box, fit, paintedRef }: MessageCanvasProps) {
  const { time, messages, dropped, selected, hovered } = useSimStore(
    useShallow((s) => ({
      time: s.live?.time ?? 0,
      messages: s.live?.messages ?? NONE,
      dropped: s.live?.recentlyDropped ?? NONE,
      selected: s.selectedMessage,
      // Pointed at in the space-time diagram or the manual delivery list.
      hovered: s.hoveredMessage,
    })),
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  // Whether the canvas shows nothing. A blank canvas with nothing to paint is left alone: its first
  // use (context, pixel buffer, a clear) cost ~25 ms at start-up, where a link opens with nothing in flight.
  const blank = useRef(true);

  // Paint before the browser paints this frame.
  useLayoutEffect(() => {
    const sprites = placeMessages(lanes, time, messages, selected, hovered);
    paintedRef.current = { sprites, fit };
    const fading = placeDropped(lanes, time, dropped);
    const nothing = sprites.length === 0 && fading.length === 0;
    if (nothing && blank.current) return;
    blank.current = nothing;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const pixels = window.devicePixelRatio || 1;
    const width = Math.round(box.width * pixels);
    const height = Math.round(box.height * pixels);
    // Resizing a canvas clears it and resets its state: only when the box really changed.
    if (el.width !== width || el.height !== height) {
      el.width = width;
      el.height = height;
    }
    paintMessages(ctx, pixels, fit, sprites, fading);
  }, [lanes, box, fit, paintedRef, time, messages, dropped, selected, hovered]);

  return <canvas ref={canvas} className={styles.msgCanvas} aria-hidden="true" />;
});

export function MessageLayer({ layout, box, drawing, glyph = 1 }: MessageLayerProps) {
  const { time, messages, selected, hovered, playing } = useSimStore(
    useShallow((s) => ({
      time: s.snapshot?.time ?? 0,
      messages: s.snapshot?.messages ?? NONE,
      selected: s.selectedMessage,
      hovered: s.hoveredMessage,
      playing: s.playing,
    })),
  );
  const selectMessage = useSimStore((s) => s.selectMessage);
  const t = useStrings(STRINGS);
  const buttons = useRef<HTMLDivElement>(null);
  const [focusedId, setFocusedId] = useState<number | null>(null);

  // Every lane once per layout, not once per message per frame.
  const lanes = useMemo(() => lanesOf(layout), [layout]);
  const fit = useMemo(
    () => fitView(box.width, box.height, layout.view, glyph),
    [box.width, box.height, layout.view, glyph],
  );
  const flying = placeMessages(lanes, time, messages, selected, hovered);
  const withButtons = playing ? flying.filter((s) => s.selected || s.message.id === focusedId) : flying;
  // What the pointer handlers read: the messages as last painted.
  const painted = useRef<Painted>({ sprites: [], fit });

  // Put the buttons on their messages before the browser paints this frame.
  useLayoutEffect(() => placeButtons(buttons.current, withButtons, fit, playing));

  // While playing the buttons stand still and let clicks through: pick the message from the painting.
  useEffect(() => {
    const el = drawing.current;
    if (!el) return;
    const under = (e: MouseEvent): MessageSprite | undefined => {
      if (e.target instanceof HTMLElement && e.target.dataset.kind) return undefined; // a button handles it
      const { sprites, fit: f } = painted.current;
      if (f.scale <= 0) return undefined;
      const box = el.getBoundingClientRect();
      return spriteAt(sprites, (e.clientX - box.left - f.x) / f.scale, (e.clientY - box.top - f.y) / f.scale);
    };
    const onClick = (e: MouseEvent) => {
      const hit = under(e);
      if (!hit) return;
      // The message is on top of whatever node or link is beneath it.
      e.stopPropagation();
      selectMessage(hit.message.id);
    };
    const onMove = (e: MouseEvent) => {
      const pointer = under(e) ? 'pointer' : '';
      if (el.style.cursor !== pointer) el.style.cursor = pointer;
    };
    el.addEventListener('click', onClick, true);
    el.addEventListener('mousemove', onMove);
    return () => {
      el.removeEventListener('click', onClick, true);
      el.removeEventListener('mousemove', onMove);
    };
  }, [drawing, selectMessage]);

  return (
    <>
      <MessageCanvas lanes={lanes} box={box} fit={fit} paintedRef={painted} />
      <div
        ref={buttons}
        className={playing ? `${styles.msgHits} ${styles.msgHitsMoving}` : styles.msgHits}
        role="group"
        aria-label={t.messagesLabel}
        data-in-flight={flying.length}
        style={{ '--hit': `${(HIT_SIZE * fit.scale * glyph).toFixed(1)}px` } as CSSProperties}
      >
        {withButtons.map((s) => (
          <MessageButton
            key={s.message.id}
            id={s.message.id}
            kind={s.look.kind}
            label={envelopeName(t, s.message)}
            selected={s.selected}
            hovered={s.hovered}
            onSelect={selectMessage}
            onFocusChange={setFocusedId}
          />
        ))}
        {/* Last, so that the buttons are children 0 … n−1 for placeButtons. */}
        {playing && <span className="visually-hidden">{t.messagesPlaying(flying.length)}</span>}
      </div>
    </>
  );
}

/**
 * Centres button i on sprite i (both lists come from the same render, in the same order) and
 * records its place in viewBox units. While playing only the focused button is moved, so its
 * focus ring stays on its message.
 */
function placeButtons(
  container: HTMLElement | null,
  sprites: readonly MessageSprite[],
  fit: ViewFit,
  playing: boolean,
): void {
  if (!container) return;
  const children = container.children;
  const place = (i: number): void => {
    const el = children[i] as HTMLElement | undefined;
    const s = sprites[i];
    if (!el || !s) return;
    const half = (HIT_SIZE * fit.scale * (fit.glyph ?? 1)) / 2;
    const left = fit.x + s.x * fit.scale - half;
    const top = fit.y + s.y * fit.scale - half;
    // left/top, not a transform: hundreds of transformed buttons would each be a paint chunk to layerize every frame.
    el.style.left = `${left.toFixed(1)}px`;
    el.style.top = `${top.toFixed(1)}px`;
    el.dataset.x = s.x.toFixed(1);
    el.dataset.y = s.y.toFixed(1);
  };
  if (playing) {
    const focused = Array.prototype.indexOf.call(children, document.activeElement);
    if (focused >= 0) place(focused);
    return;
  }
  for (let i = 0; i < sprites.length; i++) place(i);
}
