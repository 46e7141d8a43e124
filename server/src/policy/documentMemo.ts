/**
 * A memo table for facts about one document's objects (its model, its statements and statement lists, its syntax
 * nodes), kept on each object under a symbol of the table's own instead of in a WeakMap.
 *
 * Why not a WeakMap: V8's young-generation collector keeps a WeakMap entry's value alive until a full collection, even
 * when nothing else reaches the key. These values point into the document (a statement's expanded actions hold its
 * Action strings' nodes), so every document's parse tree was promoted to the old generation. Linting the AWS managed
 * policies promoted ~45 MB per pass that way, and young collections took ~100 ms per warm pass. On the object, the
 * memo is part of the document's own graph and dies with it.
 *
 * Same meaning as a WeakMap keyed by the object: the property is not enumerable, so spreads, JSON and deep equality
 * skip it, and a copy of an object does not share its memo. An object that takes no new property (a frozen shared
 * empty list) is kept in a WeakMap instead.
 */
export class DocumentMemo<K extends object, V> {
  private readonly slot: symbol;
  private fallback: WeakMap<K, V> | undefined;

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(key: K): V | undefined {
    const value = (key as Record<symbol, V | undefined>)[this.slot];
    return value === undefined && this.fallback ? this.fallback.get(key) : value;
  }

  set(key: K, value: V): void {
    if (Object.isExtensible(key)) {
      Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
    } else {
      (this.fallback ??= new WeakMap()).set(key, value);
    }
  }

  delete(key: K): void {
    // Emptied rather than deleted: deleting a property can turn the object's properties into a slow dictionary.
    if (Object.prototype.hasOwnProperty.call(key, this.slot)) (key as Record<symbol, V | undefined>)[this.slot] = undefined;
    this.fallback?.delete(key);
  }
}
