import type { Action, Catalog } from '../catalog/types';
import { statementActions } from '../policy/statementActions';
import { conditionEntries } from './shared/conditionEntries';
import { actionSupportsKey, serviceKeyNames, type KnownKey } from './shared/conditionKeys';
import { splitStatement } from './shared/statementSplit';
import { defineRule } from './types';
import { namesAndMore } from './shared/namesAndMore';

const shown = 3;

function describe(actions: readonly Action[]): string {
  return namesAndMore(actions, shown, (a) => a.fullName);
}

/**
 * The actions that do not support the key, once per list of action ids and key: statements repeat the same Action
 * (`"*"` is one shared list of 22,000 ids), and a policy of 120 such statements took 3.8 s when each filtered it again.
 */
const unsupportedMemo = new WeakMap<Int32Array, Map<string, readonly Action[]>>();

function unsupportedActions(catalog: Catalog, ids: Int32Array, key: KnownKey): readonly Action[] {
  let byKey = unsupportedMemo.get(ids);
  if (!byKey) unsupportedMemo.set(ids, (byKey = new Map()));
  let unsupported = byKey.get(key.key);
  if (!unsupported) {
    const found: Action[] = [];
    for (const id of ids) {
      const action = catalog.actionById(id);
      if (!actionSupportsKey(action, key)) found.push(action);
    }
    byKey.set(key.key, (unsupported = found));
  }
  return unsupported;
}

export default defineRule({
  id: 'unsupported-action-for-condition-key',
  severity: 'warning',
  scope: 'statement',
  summary: 'A service condition key that some actions of the statement do not support, so for them the key is absent.',
  fixable: 'suggestion',
  messages: {
    some: '"{key}" does not apply to {count} of the {total} actions of this statement ({actions}): for them the key is absent from the request, so this condition does not test what it says.',
    all: '"{key}" applies to none of the actions of this statement ({actions}): the key is always absent from their requests.',
  },
  check({ policy, statements, catalog, report }) {
    for (const { statement, parsed, key, resolution } of conditionEntries(statements, catalog)) {
      // IfExists says "test the key only where it exists": leaving actions without it is the point.
      if (resolution.kind !== 'known' || resolution.info.global || parsed.ifExists || !statement.action) continue;
      // A key the reference lists for its service but for none of its actions: the data cannot say which apply.
      const service = catalog.findService(resolution.info.key.slice(0, resolution.info.key.indexOf(':')));
      if (!service || !serviceKeyNames(catalog, service).includes(resolution.info.key)) continue;
      const expanded = statementActions(statement, catalog);
      const total = expanded.count;
      if (total === 0) continue;
      const unsupported = unsupportedActions(catalog, expanded.ids, resolution.info);
      if (unsupported.length === 0) continue;
      // Entries whose every action lacks the key can move to a statement of their own.
      const moving = expanded.entries
        .filter((e) => e.ids.length > 0 && unsupportedActions(catalog, e.ids, resolution.info).length === e.ids.length)
        .map((e) => e.value);
      report({
        node: key.keyNode,
        messageId: unsupported.length < total ? 'some' : 'all',
        data: { key: key.key, count: unsupported.length, total, actions: describe(unsupported) },
        // Built when read: re-indenting a statement is costly, and the CLI prints no suggestions.
        suggestions: () => {
          const suggestion = unsupported.length < total ? splitStatement(policy, statement, moving, key) : undefined;
          return suggestion ? [suggestion] : [];
        },
      });
    }
  },
});
