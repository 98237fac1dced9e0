// Every message in flight, placed by virtual time along its lane, plus the ones that
// died a moment ago fading out where they died. One subscription for the whole layer:
// positions change every frame anyway, and 200 per-dot subscriptions would cost more.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { CLIENT, type Endpoint } from '../../sim/types';
import { useStrings } from '../i18n';
import { messagePath, pointAlong, travelFraction, type Layout, type Segment } from './geometry';
import { messageLook, messageTerm } from './message-kind';
import { DroppedDot, MessageDot } from './MessageDot';
import { STRINGS } from './strings';

/** How long (virtual ms) a dropped message takes to fade out; the snapshot keeps them about this long. */
const FADE_MS = 60;

export function MessageLayer({ layout }: { layout: Layout }) {
  const { time, messages, dropped, selected, hovered } = useSimStore(
    useShallow((s) => ({
      time: s.snapshot?.time ?? 0,
      messages: s.snapshot?.messages,
      dropped: s.snapshot?.recentlyDropped,
      selected: s.selectedMessage,
      // Pointed at in the space-time diagram or the manual delivery list.
      hovered: s.hoveredMessage,
    })),
  );
  const selectMessage = useSimStore((s) => s.selectMessage);
  const t = useStrings(STRINGS);

  // Every lane once per layout, not once per message per frame.
  const lanes = useMemo(() => {
    const endpoints: Endpoint[] = [CLIENT, ...layout.positions.keys()];
    const map = new Map<string, Segment>();
    for (const a of endpoints)
      for (const b of endpoints) {
        if (a === b) continue;
        const path = messagePath(layout, a, b);
        if (path) map.set(`${a}>${b}`, path);
      }
    return map;
  }, [layout]);

  const name = (e: Endpoint): string => (e === CLIENT ? t.clientName : e);

  return (
    <g>
      {dropped?.map((d) => {
        const lane = lanes.get(`${d.message.from}>${d.message.to}`);
        if (!lane) return null;
        const p = pointAlong(lane, travelFraction(d.droppedAt, d.message.sentAt, d.message.deliverAt));
        const opacity = Math.max(0, 1 - (time - d.droppedAt) / FADE_MS);
        if (opacity <= 0) return null;
        return (
          <DroppedDot
            key={`drop-${d.message.id}`}
            x={p.x}
            y={p.y}
            look={messageLook(d.message.payload)}
            opacity={opacity}
            reason={d.reason}
          />
        );
      })}
      {messages?.map((message) => {
        const lane = lanes.get(`${message.from}>${message.to}`);
        if (!lane) return null;
        const p = pointAlong(lane, travelFraction(time, message.sentAt, message.deliverAt));
        const look = messageLook(message.payload);
        const kind =
          message.payload.type === 'AppendEntries' && message.payload.entries.length > 0
            ? `${t.kind(look.kind)} (${t.entriesCount(message.payload.entries.length)})`
            : t.kind(look.kind);
        const label = t.messageName(kind, name(message.from), name(message.to), messageTerm(message.payload));
        return (
          <MessageDot
            key={message.id}
            id={message.id}
            x={p.x}
            y={p.y}
            look={look}
            label={label}
            selected={selected === message.id}
            hovered={hovered === message.id}
            onSelect={selectMessage}
          />
        );
      })}
    </g>
  );
}
