import { replaceWithString } from './shared/edits';
import { readServicePrincipal, serviceSuffixes } from './shared/principalFormats';
import { hasWildcardCharacter, principalValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-service-principal-format',
  severity: 'error',
  scope: 'statement',
  summary: 'A Service principal is not a lower-case, domain-style service name such as ec2.amazonaws.com.',
  policyTypes: ['resource', 'trust'],
  fixable: 'safe+suggestion',
  messages: {
    arn: '"{value}" is an ARN; a service principal is a name such as "ec2.amazonaws.com". Put ARNs of accounts, users and roles under "AWS".',
    account: '"{value}" is an account ID; put it under "AWS". A service principal is a name such as "ec2.amazonaws.com".',
    url: '"{value}" is a URL; a service principal is the service\'s name alone, such as "ec2.amazonaws.com".',
    case: 'Service principals are written in lower case without spaces: "{fixed}".',
    characters: '"{value}" is not a service principal: use the service\'s domain-style name, such as "ec2.amazonaws.com".',
    noDomain: '"{value}" is not a service principal: service principals are domain-style names such as "{suggestion}".',
    unknownDomain:
      '"{value}" does not end in a domain AWS uses for service principals ({domains}). Check the service principal in the service\'s documentation.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        for (const { key, value } of principalValues(element)) {
          const text = value.value;
          if (key !== 'Service' || hasWildcardCharacter(text) || text.includes('${')) continue;
          const reading = readServicePrincipal(text);
          switch (reading.kind) {
            case 'ok':
              break;
            case 'case':
              report({
                node: value.node,
                messageId: 'case',
                data: { fixed: reading.fixed },
                fix: { title: `Change to "${reading.fixed}"`, edits: [replaceWithString(value.node, reading.fixed)] },
              });
              break;
            case 'url':
              report({
                node: value.node,
                messageId: 'url',
                data: { value: text },
                fix: reading.fixed ? { title: `Change to "${reading.fixed}"`, edits: [replaceWithString(value.node, reading.fixed)] } : undefined,
              });
              break;
            case 'noDomain':
              // A guess at the name: shown, never applied without review.
              report({
                node: value.node,
                messageId: 'noDomain',
                data: { value: text, suggestion: reading.suggestion },
                suggestions: [{ title: `Change to "${reading.suggestion}"`, edits: [replaceWithString(value.node, reading.suggestion)] }],
              });
              break;
            case 'unknownDomain':
              report({ node: value.node, messageId: 'unknownDomain', data: { value: text, domains: serviceSuffixes.join(', ') } });
              break;
            default:
              report({ node: value.node, messageId: reading.kind, data: { value: text } });
          }
        }
      }
    }
  },
});
