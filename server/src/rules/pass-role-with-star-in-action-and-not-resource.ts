import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'pass-role-with-star-in-action-and-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'A wildcard action ("*", "iam:*") with NotResource brings in iam:PassRole on every role not listed.',
  policyTypes: ['identity'],
  messages: {
    starInActionAndNotResource:
      '"{action}" includes iam:PassRole, and with NotResource it can pass every role not listed; list the actions it needs in Action and the resources in Resource, with iam:PassRole on named roles only.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'star', resourceSide: 'not-resource' }, 'starInActionAndNotResource');
  },
});
