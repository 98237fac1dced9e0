// What jsdom lacks, installed before any test module (or React) loads: React picks its
// animation event names when react-dom is first imported.

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
