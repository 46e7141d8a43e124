import type { Catalog } from '../catalog/types';
import { closestKey, renameKeyFix } from './shared/closestKey';
import { conditionEntries } from './shared/conditionEntries';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-global-condition-key',
  severity: 'error',
  scope: 'statement',
  summary: 'An aws: condition key that is not a global condition key (key names are not case-sensitive).',
  // AWS accepts an unknown key and evaluates it as absent; the right key is tested from then on, so who may act
  // changes: offered for review, never applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    unknown: '"{key}" is not a global condition key.',
    didYouMean: '"{key}" is not a global condition key. Did you mean "{suggestion}"?',
  },
  check({ statements, catalog, report }) {
    for (const { operator, key, resolution } of conditionEntries(statements, catalog)) {
      if (resolution.kind !== 'unknownGlobal') continue;
      const candidates = awsGlobalKeys(catalog);
      const suggestion = closestKey(key.key, candidates);
      const rename = suggestion ? renameKeyFix(key, operator.keys, suggestion) : undefined;
      report({
        node: key.keyNode,
        messageId: suggestion ? 'didYouMean' : 'unknown',
        data: { key: key.key, suggestion: suggestion ?? '' },
        suggestions: rename ? [rename] : [],
      });
    }
  },
});

const awsKeys = new WeakMap<Catalog, readonly string[]>();

/** The `aws:` global keys a misspelt one is compared with, listed once per catalogue. */
function awsGlobalKeys(catalog: Catalog): readonly string[] {
  let keys = awsKeys.get(catalog);
  if (!keys) {
    keys = catalog.globalConditionKeys().map((k) => k.key).filter((k) => k.toLowerCase().startsWith('aws:'));
    awsKeys.set(catalog, keys);
  }
  return keys;
}
