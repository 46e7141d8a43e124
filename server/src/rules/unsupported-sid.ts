import { replaceWithString } from './shared/edits';
import { iamValidatedPolicyTypes } from './shared/iamValidatedPolicyTypes';
import { defineRule } from './types';

const unsupportedCharacter = /[^A-Za-z0-9]/;
const unsupportedCharacters = /[^A-Za-z0-9]/g;

export default defineRule({
  id: 'unsupported-sid',
  severity: 'error',
  scope: 'statement',
  summary: 'A Sid has characters other than ASCII letters and digits, which IAM rejects (identity, boundary, session and trust policies).',
  // The policies IAM validates; resource-based policies of other services (SQS, SNS, ...) accept more characters.
  policyTypes: iamValidatedPolicyTypes,
  fixable: 'safe',
  messages: {
    unsupported: 'Sid "{sid}" has characters IAM rejects; a Sid may only contain the letters A-Z and a-z and the digits 0-9.',
  },
  check({ policy, statements, report }) {
    // What every Sid of the policy would be once all the fixes are applied, so a fix never creates a duplicate.
    const fixed = new Map(policy.statements.map((statement) => [statement, statement.sid?.value?.replace(unsupportedCharacters, '')]));
    for (const statement of statements) {
      const sid = statement.sid?.value;
      const node = statement.sid?.valueNode;
      if (sid === undefined || !node || !unsupportedCharacter.test(sid)) continue;
      const stripped = fixed.get(statement)!;
      const unique = [...fixed.values()].filter((other) => other === stripped).length === 1;
      report({
        node,
        messageId: 'unsupported',
        data: { sid },
        fix:
          stripped !== '' && unique
            ? { title: `Change the Sid to "${stripped}"`, edits: [replaceWithString(node, stripped)] }
            : undefined,
      });
    }
  },
});
