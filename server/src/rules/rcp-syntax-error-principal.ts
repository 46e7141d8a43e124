import { replaceWithString } from './shared/edits';
import { everyoneValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'rcp-syntax-error-principal',
  severity: 'error',
  scope: 'statement',
  summary: 'A resource control policy names principals other than "Principal": "*"; RCPs narrow principals with conditions.',
  policyTypes: ['rcp'],
  fixable: 'safe',
  messages: {
    onlyEveryone:
      'RCPs only support "Principal": "*". To apply the statement to some principals only, keep "*" and add a condition such as aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalArn.',
    awsEveryone: 'RCPs only support "Principal": "*"; write {"AWS": "*"} as "*", which means the same.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      // NotPrincipal in an RCP is unsupported-principal's.
      const principal = statement.principal;
      const value = principal?.valueNode;
      if (!principal || !value || principal.wildcard?.value === '*') continue;
      if (value.type !== 'object') continue; // another string or type is data-type-mismatch's
      const entries = principal.entries;
      const onlyAwsEveryone =
        entries.length > 0 && entries.every((e) => e.kind === 'AWS' && e.invalid.length === 0 && e.values.length > 0 && e.values.every((v) => v.value === '*'));
      if (onlyAwsEveryone && everyoneValues(principal).length > 0) {
        report({ node: value, messageId: 'awsEveryone', fix: { title: 'Change to "*"', edits: [replaceWithString(value, '*')] } });
      } else {
        report({ node: value, messageId: 'onlyEveryone' });
      }
    }
  },
});
