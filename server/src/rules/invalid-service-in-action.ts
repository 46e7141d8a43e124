import { hasWildcard } from '../catalog';
import { BoundedMemo } from '../catalog/memo';
import type { Catalog } from '../catalog/types';
import { splitAction } from './shared/actionPatterns';
import { findClosest } from './shared/closest';
import { replaceWithString } from './shared/edits';
import { entriesOf } from '../policy/statementActions';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-service-in-action',
  severity: 'error',
  scope: 'statement',
  summary: 'The service prefix of an action is not the prefix of any AWS service.',
  fixable: 'suggestion',
  messages: {
    unknown: '"{service}" in {action} is not the prefix of any AWS service.',
    unknownWithSuggestion: '"{service}" in {action} is not the prefix of any AWS service. Did you mean {suggestion}?',
    noServiceMatches: '"{service}" in {action} matches the prefix of no AWS service.',
  },
  check({ statements, catalog, report }) {
    for (const statement of statements) {
      for (const element of ['action', 'notAction'] as const) {
        for (const entry of entriesOf(statement, element, catalog)) {
          // An action that names some action of the catalogue has a service that exists (or, with a wildcard in its
          // service, matches one): nothing to say, and nothing to split.
          if (entry.ids.length > 0) continue;
          const { value, node } = entry.value;
          const parts = splitAction(value);
          if (!parts) continue; // no colon: invalid-action says how an action is written
          const { service, name } = parts;
          if (hasWildcard(service)) {
            // Expands itself: a pattern built here, not a value of the statement.
            if (catalog.expandActionIds(`${service}:*`).length === 0) {
              report({ node, messageId: 'noServiceMatches', data: { service, action: value } });
            }
            continue;
          }
          if (catalog.findService(service)) continue;
          const closest = closestPrefix(catalog, service);
          // Only a correction that names real actions is offered; it is a guess that grants them, so never applied unreviewed.
          const corrected = closest && `${closest}:${name}`;
          const fix =
            // Expands itself: the corrected name, not a value of the statement.
            corrected && catalog.expandActionIds(corrected).length > 0
              ? { title: `Change to ${corrected}`, edits: [replaceWithString(node, corrected)] }
              : undefined;
          report({
            node,
            messageId: closest ? 'unknownWithSuggestion' : 'unknown',
            data: { service, action: value, suggestion: corrected ?? '' },
            suggestions: fix ? [fix] : [],
          });
        }
      }
    }
  },
});

// The nearest prefix is compared against all 400-odd of them; the same unknown services recur across documents.
const closestMemo = new WeakMap<Catalog, { prefixes: readonly string[]; closest: BoundedMemo<string | undefined> }>();

function closestPrefix(catalog: Catalog, service: string): string | undefined {
  let memo = closestMemo.get(catalog);
  if (!memo) {
    memo = { prefixes: catalog.services().map((s) => s.prefix), closest: new BoundedMemo({ maxEntries: 5_000, maxKeyChars: 200_000, maxKeyLength: 200 }) };
    closestMemo.set(catalog, memo);
  }
  const { prefixes, closest } = memo;
  return closest.getOrCompute(service, (name) => findClosest(name, prefixes));
}
