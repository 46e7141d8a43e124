import { conditionEntries } from './shared/conditionEntries';
import { isMultiValued, keyType, resolveConditionKey } from './shared/conditionKeys';
import { operatorName, renameOperator } from './shared/operatorRename';
import { defineRule } from './types';

export default defineRule({
  id: 'forallvalues-with-single-valued-key',
  severity: 'warning',
  scope: 'statement',
  summary: 'ForAllValues on a single-valued key, which is also true when the key is absent from the request.',
  // Dropping the qualifier changes who may act (an Allow stops granting, a Deny stops denying, requests without the
  // key): offered for review, never applied by fix-all or --fix.
  fixable: 'suggestion',
  messages: {
    singleValued:
      '"{key}" has a single value, and "ForAllValues:" also matches requests without it. Remove the qualifier: "{plain}".',
  },
  check({ statements, catalog, report }) {
    for (const { statement, operator, parsed, key, resolution } of conditionEntries(statements, catalog)) {
      const type = keyType(resolution);
      if (parsed.qualifier !== 'ForAllValues' || !parsed.operator || !type || isMultiValued(type)) continue;
      const plain = operatorName(undefined, parsed.baseName, parsed.ifExists);
      // Only when every key of the block is single-valued: a multivalued one still needs the qualifier.
      const allSingle = operator.keys.every((k) => {
        const t = keyType(resolveConditionKey(catalog, k.key));
        return t !== undefined && !isMultiValued(t);
      });
      const edit = allSingle ? renameOperator(statement, operator, plain, `Change "${parsed.text}" to "${plain}"`) : undefined;
      report({ node: key.keyNode, messageId: 'singleValued', data: { key: key.key, plain }, suggestions: edit ? [edit] : [] });
    }
  },
});
