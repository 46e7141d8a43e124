import { conditionEntries } from './shared/conditionEntries';
import { isMultiValued, keyType } from './shared/conditionKeys';
import { operatorName, renameOperator } from './shared/operatorRename';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-qualifier',
  severity: 'warning',
  scope: 'statement',
  summary: 'A multivalued condition key (ArrayOf...) is tested without ForAllValues or ForAnyValue.',
  fixable: 'suggestion',
  messages: {
    missing:
      '"{key}" can carry several values in one request; say how they are compared with "ForAnyValue:" (any value matches) or "ForAllValues:" (every value matches).',
  },
  check({ statements, catalog, report }) {
    for (const { statement, operator, parsed, key, resolution } of conditionEntries(statements, catalog)) {
      const type = keyType(resolution);
      if (!type || !isMultiValued(type) || parsed.qualifier || !parsed.operator || parsed.baseName === 'Null') continue;
      const name = operatorName('ForAnyValue', parsed.baseName, parsed.ifExists);
      const suggestion = renameOperator(statement, operator, name, `Change "${parsed.text}" to "${name}"`);
      report({ node: key.keyNode, messageId: 'missing', data: { key: key.key }, suggestions: suggestion ? [suggestion] : [] });
    }
  },
});
