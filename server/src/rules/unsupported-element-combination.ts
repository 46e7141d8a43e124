import type { Element } from '../policy/model';
import { defineRule } from './types';

/** Pairs that exclude each other within one statement. */
type PairedElement = 'action' | 'notAction' | 'resource' | 'notResource' | 'principal' | 'notPrincipal';

const pairs: readonly (readonly [PairedElement, PairedElement])[] = [
  ['action', 'notAction'],
  ['resource', 'notResource'],
  ['principal', 'notPrincipal'],
];

export default defineRule({
  id: 'unsupported-element-combination',
  severity: 'error',
  scope: 'statement',
  summary: 'A statement has both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.',
  messages: {
    both: 'A statement may have "{first}" or "{second}", not both; remove one of them.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const [a, b] of pairs) {
        const one: Element | undefined = statement[a];
        const other: Element | undefined = statement[b];
        if (!one || !other) continue;
        // Point at whichever of the two comes second: the first one is where the statement "was going".
        const [first, second] = one.property.offset < other.property.offset ? [one, other] : [other, one];
        report({ node: second.keyNode, messageId: 'both', data: { first: first.key, second: second.key } });
      }
    }
  },
});
