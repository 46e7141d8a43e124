/**
 * Own, enumerable properties whose value is computed when first read, then kept as a plain value, so the object
 * serialises and spreads like one built eagerly (a problem's suggestions; a template problem's translated fix).
 *
 * One getter per property name serves every object, and the computation waits on the object itself (a DocumentMemo).
 * Not a getter closure per object: V8 allocates the accessor pair of `defineProperty` in the old generation, so such a
 * closure, and all it reached (a rule's statement, so the document's whole parse tree), outlived every
 * young-generation collection until the next full one. Linting the AWS managed policies promoted ~30 MB a pass that way.
 */
import { DocumentMemo } from '../../policy/documentMemo';

type Computations = Record<string, () => unknown>;

const pending = new DocumentMemo<object, Computations>('computed when read');

const getters = new Map<string, (this: object) => unknown>();

/** Makes `object[name]` the value of `compute()`, computed on first read. A computation that throws is tried again on the next read. */
export function defineWhenRead<T extends object, K extends keyof T & string>(object: T, name: K, compute: () => T[K]): void {
  let computations = pending.get(object);
  if (!computations) pending.set(object, (computations = {}));
  computations[name] = compute;
  Object.defineProperty(object, name, { configurable: true, enumerable: true, get: getterOf(name) });
}

function getterOf(name: string): (this: object) => unknown {
  let getter = getters.get(name);
  if (!getter) {
    getter = function (this: object): unknown {
      const computations = pending.get(this)!;
      const value = computations[name]!();
      Object.defineProperty(this, name, { value, enumerable: true });
      delete computations[name];
      return value;
    };
    getters.set(name, getter);
  }
  return getter;
}
