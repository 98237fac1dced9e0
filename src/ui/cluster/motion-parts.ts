// Everything of motion the ring uses, in one chunk loaded after the ring's first frame: the ring is drawn
// without animation first (plain SVG groups), and role badges animate from then on.

export { domAnimation, LazyMotion, m, MotionConfig } from 'motion/react';
