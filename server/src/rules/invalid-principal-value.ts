import { fillPlaceholders } from '../policy/placeholders';
import { replaceWithString } from './shared/edits';
import { isCanonicalUserId, readAwsPrincipal } from './shared/principalFormats';
import { splitArn } from '../policy/arnParts';
import { hasWildcardCharacter, principalValues } from './shared/principals';
import { defineRule, type Fix } from './types';

export default defineRule({
  id: 'invalid-principal-value',
  severity: 'error',
  scope: 'statement',
  summary:
    'An AWS principal is neither a 12-digit account ID nor an IAM or STS principal ARN (root, user, role, assumed-role, federated-user), or a CanonicalUser is not a 64-character ID.',
  policyTypes: ['resource', 'trust'],
  fixable: 'safe',
  messages: {
    hyphenatedAccount: 'Write the account ID without hyphens: "{account}".',
    notIamArn:
      '"{value}" is a resource of the service "{service}", not a principal. Under "AWS" name an account ID, or an IAM or STS ARN of the account root, a user, a role, a role session or a federated user.',
    partition: 'The partition of "{value}" is not an AWS partition (aws, aws-cn, aws-us-gov, ...).',
    region: 'IAM and STS principal ARNs have no Region: remove "{region}" from "{value}".',
    account: '"{account}" in "{value}" is not a 12-digit account ID.',
    group: 'A user group cannot be a principal ("{value}"): name its users, or grant through an identity policy attached to the group.',
    resource:
      '"{resource}" is not a principal an IAM or STS ARN can name. Use root, user/<UserName>, role/<RoleName>, assumed-role/<RoleName>/<SessionName> or federated-user/<UserName>.',
    notAccountOrArn: '"{value}" is neither a 12-digit account ID nor a principal ARN such as "arn:aws:iam::111122223333:role/<RoleName>".',
    canonicalUser: '"{value}" is not a canonical user ID, which is 64 hexadecimal characters.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const { key, value } of principalValues(element)) {
          // Placeholders are unfilled-placeholder's: the rest is judged as if they were filled in, with a number that
          // is as good an account ID as it is a name.
          const text = value.value;
          const judged = fillPlaceholders(text, '111122223333');
          // "*" is public-principal's, wildcards unsupported-wildcard-in-principal's, variables variable-unsupported-in-element's.
          if (hasWildcardCharacter(judged) || judged.includes('${')) continue;
          if (key === 'CanonicalUser') {
            if (!isCanonicalUserId(judged)) report({ node: value.node, messageId: 'canonicalUser', data: { value: text } });
            continue;
          }
          if (key !== 'AWS') continue;
          const reading = readAwsPrincipal(judged);
          switch (reading.kind) {
            case 'ok':
            case 'uniqueId': // invalid-role-reference / invalid-user-reference
              break;
            case 'hyphenatedAccount':
              report({
                node: value.node,
                messageId: 'hyphenatedAccount',
                data: { account: reading.account },
                fix: { title: `Change to "${reading.account}"`, edits: [replaceWithString(value.node, reading.account)] },
              });
              break;
            case 'region': {
              const arn = splitArn(text)!;
              const fixed = `arn:${arn.partition}:${arn.service}::${arn.account}:${arn.resource}`;
              const fix: Fix = { title: `Change to "${fixed}"`, edits: [replaceWithString(value.node, fixed)] };
              report({ node: value.node, messageId: 'region', data: { region: arn.region, value: text }, fix });
              break;
            }
            case 'notIamArn':
              report({ node: value.node, messageId: 'notIamArn', data: { value: text, service: reading.service } });
              break;
            case 'account':
              report({ node: value.node, messageId: 'account', data: { account: reading.account, value: text } });
              break;
            case 'resource':
              report({ node: value.node, messageId: 'resource', data: { resource: reading.resource } });
              break;
            default:
              report({ node: value.node, messageId: reading.kind, data: { value: text } });
          }
        }
      }
    }
  },
});
