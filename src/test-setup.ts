// Adds DOM matchers (toBeInTheDocument, …) for component tests that run under jsdom.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default, which a loaded CI machine can exceed while
// a component renders a long log; what they wait for is still asserted, only more patiently.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no canvas: say so quietly (getContext returns null, which the painters accept)
// instead of letting jsdom print "not implemented" for every frame a component paints.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
}

// jsdom has no AnimationEvent, so React would listen for the prefixed webkitAnimationEnd; with one,
// React listens for the standard animationend a browser sends (and fireEvent.animationEnd makes).
if (typeof window !== 'undefined' && !('AnimationEvent' in window)) {
  Object.defineProperty(window, 'AnimationEvent', {
    configurable: true,
    writable: true,
    value: class extends Event {},
  });
}
