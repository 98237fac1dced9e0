// The simulation's one source of randomness: mulberry32, a tiny seeded PRNG whose whole
// state is one 32-bit integer, so it can be saved in a checkpoint and gives the same
// sequence in Node and in every browser.

export class Prng {
  constructor(private state: number) {
    this.state = state >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A time drawn uniformly from [min, max] ms, rounded to the microsecond so traces print exactly. */
  between(min: number, max: number): number {
    return Math.round((min + (max - min) * this.next()) * 1000) / 1000;
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }

  save(): number {
    return this.state;
  }

  static restore(state: number): Prng {
    return new Prng(state);
  }
}
