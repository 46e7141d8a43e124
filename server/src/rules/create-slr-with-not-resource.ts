import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'create-slr-with-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: '`iam:CreateServiceLinkedRole` allowed with NotResource, which covers every service-linked role not listed.',
  policyTypes: ['identity'],
  messages: {
    notResource:
      'iam:CreateServiceLinkedRole with NotResource can create the service-linked role of every service not listed; name the roles in Resource instead.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'named', resourceSide: 'not-resource' }, 'notResource');
  },
});
