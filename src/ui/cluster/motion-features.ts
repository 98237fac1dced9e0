// The animation features of the ring's motion components (role badges appearing and leaving),
// loaded after the first paint: they are not needed to draw the cluster, only to animate it.

import { domAnimation } from 'motion/react';

export default domAnimation;
