// Playback speed, in virtual milliseconds per wall-clock millisecond (1 = real time).
// Shared by the worker protocol, the UI and share links, so a link replays at the speed it was made.

export const MIN_SPEED = 0.001;
export const MAX_SPEED = 1;
/** About 1/100×: an election (a few hundred virtual ms) takes a few seconds to watch. */
export const DEFAULT_SPEED = 0.01;
