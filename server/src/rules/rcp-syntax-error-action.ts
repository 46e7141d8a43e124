import { splitAction } from './shared/actionPatterns';
import { hasWildcardCharacter, isDeny } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'rcp-syntax-error-action',
  severity: 'error',
  scope: 'statement',
  summary: 'A Deny statement of a resource control policy does not name the service of its actions ("*", "*:Get*"); RCPs apply to named services only.',
  policyTypes: ['rcp'],
  messages: {
    everyService:
      '"{value}" does not name a service. Actions in an RCP you write must name the service they restrict (e.g. "s3:*", "sqs:SendMessage"); only the AWS-managed RCPFullAWSAccess allows "*".',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      // An Allow can only be the RCPFullAWSAccess shape ("*" on "*"): rcp-syntax-error-allow judges Allows.
      if (!isDeny(statement)) continue;
      for (const value of statement.action?.values ?? []) {
        const parts = splitAction(value.value);
        const service = parts ? parts.service : value.value;
        if (service.length === 0 || hasWildcardCharacter(service)) report({ node: value.node, messageId: 'everyService', data: { value: value.value } });
      }
    }
  },
});
