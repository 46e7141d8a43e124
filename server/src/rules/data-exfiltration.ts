import { dataExfiltrationActions } from './shared/sensitiveActions';
import { reportUnscopedActions } from './shared/unscopedActions';
import { defineRule } from './types';

export default defineRule({
  id: 'data-exfiltration',
  severity: 'info',
  scope: 'statement-and-denials',
  summary: 'Actions that read stored data or secrets (s3:GetObject, secretsmanager:GetSecretValue...) allowed on every resource.',
  policyTypes: ['identity'],
  messages: {
    dataExfiltration:
      '"{action}" allows reading data or secrets from every resource ({actions}); limit these actions to the buckets, tables, secrets or parameters this principal needs.',
  },
  check(context) {
    reportUnscopedActions(context, dataExfiltrationActions, 'dataExfiltration');
  },
});
