/**
 * Memo tables for facts about one document's objects (its model, its statements and statement lists, its syntax
 * nodes), kept on each object instead of in a WeakMap: every table's value for an object sits in one array the object
 * holds under a private symbol, one slot per table.
 *
 * Why not a WeakMap: V8's young-generation collector keeps a WeakMap entry's value alive until a full collection, even
 * when nothing else reaches the key. These values point into the document (a statement's expanded actions hold its
 * Action strings' nodes), so every document's parse tree was promoted to the old generation: linting the AWS managed
 * policies promoted ~45 MB per warm pass, and young collections took ~100 ms of it. On the object, the memo is part of
 * the document's own graph and dies with it.
 *
 * One array for all tables, so an object changes shape once (when a first table remembers something about it), not
 * once per table: rules read statements' properties, and each new shape makes those reads slower.
 *
 * Same meaning as a WeakMap keyed by the object: the property is not enumerable, so spreads, JSON and deep equality
 * skip it, and a copy of an object does not share its memos. An object that takes no new property (a frozen shared
 * empty list) is kept in a WeakMap instead.
 */
const slotsOf = Symbol('document memos');

type Holder = { [slotsOf]?: unknown[] };

let tables = 0;

export class DocumentMemo<K extends object, V> {
  /** This table's slot in each object's array. */
  private readonly slot = tables++;
  private fallback: WeakMap<K, V> | undefined;

  /** `name` says what the table holds (for a reader of the code; nothing uses it at run time). */
  constructor(readonly name: string) {}

  get(key: K): V | undefined {
    const slots = (key as Holder)[slotsOf];
    if (slots !== undefined) return slots[this.slot] as V | undefined;
    return this.fallback?.get(key);
  }

  set(key: K, value: V): void {
    let slots = (key as Holder)[slotsOf];
    if (slots === undefined) {
      if (!Object.isExtensible(key)) {
        (this.fallback ??= new WeakMap()).set(key, value);
        return;
      }
      slots = [];
      Object.defineProperty(key, slotsOf, { value: slots, writable: true, configurable: true, enumerable: false });
    }
    slots[this.slot] = value;
  }
}
