import { hasPlaceholder } from '../policy/placeholders';
import { closestKey, renameKeyFix } from './shared/closestKey';
import { conditionEntries } from './shared/conditionEntries';
import { serviceKeyNames } from './shared/conditionKeys';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-service-condition-key',
  severity: 'error',
  scope: 'statement',
  summary: 'A service condition key that the service does not define, or whose service prefix is unknown.',
  // AWS accepts an unknown key and evaluates it as absent; the right key is tested from then on, so who may act
  // changes: offered for review, never applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    unknown: '{service} has no condition key "{key}".',
    didYouMean: '{service} has no condition key "{key}". Did you mean "{suggestion}"?',
    unknownService: '"{key}" names no known service: "{prefix}" is not a service prefix.',
  },
  check({ statements, catalog, report }) {
    for (const { operator, key, resolution } of conditionEntries(statements, catalog)) {
      if (resolution.kind === 'unknownService') {
        // `<OIDC_provider_name>:sub`: the prefix is a placeholder, unfilled-placeholder's.
        if (hasPlaceholder(resolution.prefix)) continue;
        report({ node: key.keyNode, messageId: 'unknownService', data: { key: key.key, prefix: resolution.prefix } });
        continue;
      }
      if (resolution.kind !== 'unknownServiceKey') continue;
      const service = resolution.service;
      const suggestion = closestKey(key.key, serviceKeyNames(catalog, service));
      const rename = suggestion ? renameKeyFix(key, operator.keys, suggestion) : undefined;
      report({
        node: key.keyNode,
        messageId: suggestion ? 'didYouMean' : 'unknown',
        data: { key: key.key, service: `${service.name} (${service.prefix})`, suggestion: suggestion ?? '' },
        suggestions: rename ? [rename] : [],
      });
    }
  },
});
