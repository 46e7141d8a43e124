import { hasWildcard } from '../catalog';
import type { Service } from '../catalog/types';
import { entriesOf } from '../policy/statementActions';
import { isWildcardOnly } from './shared/arnFields';
import { splitAction } from './shared/actionPatterns';
import { findClosest } from './shared/closest';
import { removeNode, replaceNode, replaceWithString } from './shared/edits';
import { actionsForOperation } from './shared/operationActions';
import { defineRule, type Edit, type Fix } from './types';
import type { ListElement, StringASTNode } from '../policy/model';

export default defineRule({
  id: 'invalid-action',
  severity: 'error',
  scope: 'statement',
  summary: 'An action that does not exist, or a wildcard that matches no action (case does not matter, only the name).',
  fixable: 'suggestion',
  messages: {
    unknown: '{action} is not an action of {serviceName}.',
    unknownWithSuggestion: '{action} is not an action of {serviceName}. Did you mean {suggestion}?',
    noMatch: '{action} matches no action of {serviceName}.',
    noMatchWithSuggestion: '{action} matches no action of {serviceName}. Did you mean {suggestion}?',
    noMatchAnyService: '{action} matches no action of any AWS service.',
    operation: '{action} is not an action of {serviceName}: AWS authorizes the {operation} operation with {actions}.',
    format: '"{action}" is not an action: write it as service:ActionName (for example s3:GetObject), or "*".',
  },
  check({ statements, catalog, report }) {
    for (const statement of statements) {
      for (const element of ['action', 'notAction'] as const) {
        for (const { value: { value, node }, ids } of entriesOf(statement, element, catalog)) {
          if (ids.length > 0 || (value.length > 0 && isWildcardOnly(value))) continue;
          const parts = splitAction(value);
          if (!parts) {
            report({ node, messageId: 'format', data: { action: value } });
            continue;
          }
          const { service, name } = parts;
          if (hasWildcard(service)) {
            // A service pattern that matches no service is invalid-service-in-action's finding.
            // Expands itself: a pattern built here, not a value of the statement.
            if (catalog.expandActionIds(`${service}:*`).length > 0) {
              report({ node, messageId: 'noMatchAnyService', data: { action: value } });
            }
            continue;
          }
          const known = catalog.findService(service);
          if (!known) continue; // invalid-service-in-action
          const authorizing = hasWildcard(name) ? undefined : actionsForOperation(service, name);
          if (authorizing) {
            const fix = operationFix(node, statement[element]!, authorizing);
            report({
              node,
              messageId: 'operation',
              data: { action: value, serviceName: known.name, operation: name, actions: authorizing.join(' and ') },
              // What the actions grant is more than the operation alone may have meant (PutObject is also a plain upload).
              suggestions: fix ? [fix] : [],
            });
            continue;
          }
          const closest = hasWildcard(name) ? closestPattern(name, known) : findClosest(name, known.actionNames);
          const suggestion = closest && `${service}:${closest}`;
          const fix: Fix | undefined =
            // Expands itself: the suggested name, not a value of the statement.
            suggestion && catalog.expandActionIds(suggestion).length > 0
              ? { title: `Change to ${suggestion}`, edits: [replaceWithString(node, suggestion)] }
              : undefined;
          const wildcard = hasWildcard(name);
          report({
            node,
            messageId: wildcard ? (fix ? 'noMatchWithSuggestion' : 'noMatch') : fix ? 'unknownWithSuggestion' : 'unknown',
            data: { action: value, serviceName: known.name, suggestion: suggestion ?? '' },
            // The closest name is a guess, and it grants an action the misspelling never did: reviewed, never applied by fix-all.
            suggestions: fix ? [fix] : [],
          });
        }
      }
    }
  },
});

/**
 * The operation's name replaced by the actions that authorize it, leaving out those the list already has: one action
 * in place of the string, several as items of the list (which a plain string becomes), none by removing the item.
 */
function operationFix(node: StringASTNode, element: ListElement, actions: readonly string[]): Fix | undefined {
  const listed = new Set(element.values.map((v) => v.value.toLowerCase()));
  const missing = actions.filter((action) => !listed.has(action.toLowerCase()));
  const inList = node.parent?.type === 'array';
  let edit: Edit;
  if (missing.length === 0) {
    if (!inList) return undefined;
    edit = removeNode(node);
  } else if (missing.length === 1) edit = replaceWithString(node, missing[0]!);
  else {
    const items = missing.map((action) => JSON.stringify(action)).join(', ');
    edit = replaceNode(node, inList ? items : `[${items}]`);
  }
  const title = missing.length === 0 ? `Remove ${node.value} (${actions.join(' and ')} already listed)` : `Change to ${missing.join(' and ')}`;
  return { title, edits: [edit] };
}

/**
 * For `Stem*` (the common shape of a wildcard), the closest stem among the same-length beginnings of the service's
 * action names: `s3:Gte*` -> `s3:Get*`. Other shapes get no guess.
 */
function closestPattern(name: string, service: Service): string | undefined {
  const stem = name.slice(0, -1);
  if (!name.endsWith('*') || stem.length === 0 || hasWildcard(stem)) return undefined;
  const stems = new Set(service.actionNames.filter((a) => a.length >= stem.length).map((a) => a.slice(0, stem.length)));
  const closest = findClosest(stem, stems);
  return closest && `${closest}*`;
}
