/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for the fuzz tests. Every fuzz case
 * gets its own generator from (run seed, case index), so one case can be replayed without replaying the others.
 */

/** splitmix32: spreads a 32-bit input over all output bits (used to derive seeds, not as the generator). */
function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** The seed of case `index` of a run: independent of every other case. */
export function caseSeed(runSeed: number, index: number): number {
  return mix32(mix32(runSeed >>> 0) ^ mix32(index + 0x632be5ab));
}

/** A run seed from the environment: a number, or `random` (or unset with `random` as the fallback) for a fresh one. */
export function seedFromEnv(value: string | undefined, fallback: number | 'random'): number {
  const raw = value === undefined || value === '' ? fallback : value;
  if (raw === 'random') return (Math.random() * 0x1_0000_0000) >>> 0;
  const parsed = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0xffff_ffff) throw new Error(`bad seed ${String(raw)}: an integer 0..4294967295 or "random"`);
  return parsed;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a);
    this.c = mix32(this.b);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** sfc32 step. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** An integer in [0, n); 0 when n <= 0. */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Picks by weight: entries are [weight, value]. */
  weighted<T>(entries: readonly (readonly [number, T])[]): T {
    const total = entries.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![1];
  }
}
