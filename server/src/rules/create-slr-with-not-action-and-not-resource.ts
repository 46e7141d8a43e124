import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'create-slr-with-not-action-and-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'Allow with NotAction and NotResource that brings in iam:CreateServiceLinkedRole for every service not listed.',
  policyTypes: ['identity'],
  messages: {
    notActionAndNotResource:
      'NotAction does not exclude iam:CreateServiceLinkedRole, and with NotResource this statement can create the service-linked role of every service not listed; use Action and Resource instead.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'not-action', resourceSide: 'not-resource' }, 'notActionAndNotResource');
  },
});
