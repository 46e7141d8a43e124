import { resourceExposureActions } from './shared/sensitiveActions';
import { reportUnscopedActions } from './shared/unscopedActions';
import { defineRule } from './types';

export default defineRule({
  id: 'resource-exposure',
  severity: 'info',
  scope: 'statement-and-denials',
  summary: 'Actions that change resource-based policies, ACLs or sharing (s3:PutBucketPolicy, kms:PutKeyPolicy...) allowed on every resource.',
  policyTypes: ['identity'],
  messages: {
    resourceExposure:
      '"{action}" allows changing who can access every resource of its kind ({actions}), which can open them to other accounts or the public; limit these actions to the resources this principal manages.',
  },
  check(context) {
    reportUnscopedActions(context, resourceExposureActions, 'resourceExposure');
  },
});
