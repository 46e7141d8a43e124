import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

export default defineRule({
  id: 'pass-role-with-not-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: '`iam:PassRole` allowed with NotResource, which lets the principal pass every role not listed.',
  policyTypes: ['identity'],
  messages: {
    notResource:
      'iam:PassRole with NotResource can pass every role except the ones listed, including roles created later; name the roles it may pass in Resource instead.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'named', resourceSide: 'not-resource' }, 'notResource');
  },
});
