// How each visited state was reached, to rebuild the path to a violation: state k's parent's
// number and the choice taken from it. States are numbered in the order they are visited, so a
// breadth-first level is a run of consecutive numbers. Parents live in a typed array: one number
// per state, which the garbage collector never walks (a plain array of them was re-copied as it grew).

import type { Action } from '../../sim/scenario-types';

export class PathIndex {
  private parents = new Int32Array(1 << 12);
  private readonly via: (Action | null)[] = [];

  constructor() {
    this.add(-1, null);
  }

  /** How many states are numbered so far (the next one's number). */
  get size(): number {
    return this.via.length;
  }

  /** Numbers a state reached from state `parent` (-1: the start) by `action`; returns its number. */
  add(parent: number, action: Action | null): number {
    const id = this.via.length;
    if (id === this.parents.length) {
      const bigger = new Int32Array(this.parents.length * 2);
      bigger.set(this.parents);
      this.parents = bigger;
    }
    this.parents[id] = parent;
    this.via.push(action);
    return id;
  }

  /** The choices from the start to state `id`, in order, each a copy (choices are shared, choices.ts). */
  pathTo(id: number): Action[] {
    const path: Action[] = [];
    for (let at = id; this.parents[at]! >= 0; at = this.parents[at]!) path.push({ ...this.via[at]! });
    return path.reverse();
  }
}
