import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'create-slr-with-star-in-action-and-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'A wildcard action ("*", "iam:*") with NotResource brings in iam:CreateServiceLinkedRole for every service not listed.',
  policyTypes: ['identity'],
  messages: {
    starInActionAndNotResource:
      '"{action}" includes iam:CreateServiceLinkedRole, and with NotResource it can create the service-linked role of every service not listed; list the actions in Action and the resources in Resource.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'star', resourceSide: 'not-resource' }, 'starInActionAndNotResource');
  },
});
