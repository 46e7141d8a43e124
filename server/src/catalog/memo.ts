/**
 * A memo table keyed by text from policies, bounded by the total length of its keys as well as by their count.
 * A bound on the count alone lets long keys pile up: typing into a 20 KB Resource value (every keystroke a new key)
 * grew the heap by ~4.5 MB per edit before a count-bounded table cleared (known failure K5). When a new key would
 * pass either bound the table starts over, which is cheap and keeps the common case (the same short values asked
 * about again and again) fast. Keys longer than `maxKeyLength` are not stored in the table; the last one asked is
 * kept on its own, since a rule asks about one long value once per action (a 60 KB Resource beside `"Action": "*"`
 * was read again 22,000 times, 4 s per validation), and one key cannot pile up.
 */
export interface MemoBounds {
  /** The most entries kept. */
  readonly maxEntries: number;
  /** The most characters of keys kept, all keys together. */
  readonly maxKeyChars: number;
  /** Longer keys are answered but not remembered. */
  readonly maxKeyLength: number;
}

export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();
  private keyChars = 0;
  private longKey: string | undefined;
  private longValue: V | undefined;

  constructor(private readonly bounds: MemoBounds) {}

  get size(): number {
    return this.entries.size;
  }

  /** The total length of the keys held. */
  get keyLength(): number {
    return this.keyChars;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.bounds.maxKeyLength) return;
    if (this.entries.has(key)) {
      this.entries.set(key, value);
      return;
    }
    if (this.entries.size >= this.bounds.maxEntries || this.keyChars + key.length > this.bounds.maxKeyChars) this.clear();
    this.entries.set(key, value);
    this.keyChars += key.length;
  }

  /** The remembered value, or `compute(key)` remembered (undefined answers are remembered too). */
  getOrCompute(key: string, compute: (key: string) => V): V {
    if (key.length > this.bounds.maxKeyLength) {
      if (key !== this.longKey) {
        this.longValue = compute(key);
        this.longKey = key;
      }
      return this.longValue as V;
    }
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    const value = compute(key);
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.keyChars = 0;
    this.longKey = undefined;
    this.longValue = undefined;
  }
}
