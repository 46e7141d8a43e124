import { placeholderField } from '../policy/placeholders';
import { allowNarrowing, serviceSourceKeys } from './shared/callerConditions';
import { addConditionTest } from './shared/conditionInsertion';
import { hasWildcardCharacter, isAllow, principalValues } from './shared/principals';
import { defineRule } from './types';

/** For the user to replace with the account that owns the source resource (unfilled-placeholder reports it until then). */
const placeholderAccount = placeholderField('Account');

export default defineRule({
  id: 'restrict-access-to-service-principal',
  severity: 'warning',
  scope: 'statement',
  summary:
    'A resource-based policy grants a service principal access without aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths (confused deputy).',
  // In a role trust policy the service assumes the role for you; there is no deputy to confuse.
  policyTypes: ['resource'],
  fixable: 'suggestion',
  messages: {
    noSource:
      'The service principal "{principal}" gets access without a condition on aws:SourceArn, aws:SourceAccount, aws:SourceOrgID or aws:SourceOrgPaths, so the service can use it on behalf of any account\'s resources (confused deputy). Add one of them, naming your own resource or account.',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      if (!isAllow(statement)) continue;
      const services = principalValues(statement.principal).filter((p) => p.key === 'Service' && !hasWildcardCharacter(p.value.value));
      if (services.length === 0 || allowNarrowing(statement, serviceSourceKeys).length > 0) continue;
      const edit = addConditionTest(policy.text, statement, 'StringEquals', 'aws:SourceAccount', JSON.stringify(placeholderAccount));
      for (const service of services) {
        report({
          node: service.value.node,
          messageId: 'noSource',
          data: { principal: service.value.value },
          suggestions: edit
            ? [{ title: `Add "StringEquals": {"aws:SourceAccount": "${placeholderAccount}"} (fill in your account ID)`, edits: [edit], placeholders: true }]
            : [],
        });
      }
    }
  },
});
