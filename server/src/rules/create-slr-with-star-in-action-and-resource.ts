import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'create-slr-with-star-in-action-and-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'A wildcard action ("*", "iam:*") brings in iam:CreateServiceLinkedRole for every service.',
  policyTypes: ['identity'],
  messages: {
    starInActionAndResource:
      '"{action}" includes iam:CreateServiceLinkedRole, and on "{resource}" it lets this principal create the service-linked role of any service; list the actions it needs, and allow iam:CreateServiceLinkedRole for named services only.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'star', resourceSide: 'star' }, 'starInActionAndResource');
  },
});
