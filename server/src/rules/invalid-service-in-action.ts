import { hasWildcard } from '../catalog';
import { splitAction } from './actionPatterns';
import { findClosest } from './closest';
import { replaceWithString } from './edits';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-service-in-action',
  severity: 'error',
  summary: 'The service prefix of an action is not the prefix of any AWS service.',
  fixable: 'safe',
  messages: {
    unknown: '"{service}" in {action} is not the prefix of any AWS service.',
    unknownWithSuggestion: '"{service}" in {action} is not the prefix of any AWS service. Did you mean {suggestion}?',
    noServiceMatches: '"{service}" in {action} matches the prefix of no AWS service.',
  },
  check({ policy, catalog, report }) {
    const prefixes = catalog.services().map((s) => s.prefix);
    for (const statement of policy.statements) {
      for (const element of [statement.action, statement.notAction]) {
        for (const { value, node } of element?.values ?? []) {
          const parts = splitAction(value);
          if (!parts) continue; // no colon: invalid-action says how an action is written
          const { service, name } = parts;
          if (hasWildcard(service)) {
            if (catalog.expandAction(`${service}:*`).length === 0) {
              report({ node, messageId: 'noServiceMatches', data: { service, action: value } });
            }
            continue;
          }
          if (catalog.findService(service)) continue;
          const closest = findClosest(service, prefixes);
          // Only a correction that names real actions is safe to apply without review.
          const corrected = closest && `${closest}:${name}`;
          const fix =
            corrected && catalog.expandAction(corrected).length > 0
              ? { title: `Change to ${corrected}`, edits: [replaceWithString(node, corrected)] }
              : undefined;
          report({
            node,
            messageId: closest ? 'unknownWithSuggestion' : 'unknown',
            data: { service, action: value, suggestion: corrected ?? '' },
            fix,
          });
        }
      }
    }
  },
});
