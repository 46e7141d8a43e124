import { placeholderField } from '../policy/placeholders';
import { conditionTestEdit } from './shared/conditionTestEdit';
import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

const servicePrincipal = placeholderField('ServicePrincipal');

export default defineRule({
  id: 'pass-role-with-star-in-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'An identity policy allows iam:PassRole on every role ("*" or role/*) without an iam:PassedToService condition.',
  policyTypes: ['identity'],
  fixable: 'suggestion',
  messages: {
    starInResource:
      'iam:PassRole on "{resource}" lets this principal hand any role in the account to any service; name the roles it may pass, or add an iam:PassedToService condition.',
  },
  check(context) {
    reportDelegations(context, 'passRole', { actionSide: 'named', resourceSide: 'star' }, 'starInResource', (grant) => {
      const edit = conditionTestEdit(context.policy.text, grant.statement, 'StringEquals', 'iam:PassedToService', JSON.stringify(servicePrincipal));
      return edit ? [{ title: `Add an iam:PassedToService condition (replace ${servicePrincipal}, e.g. with lambda.amazonaws.com)`, edits: [edit], placeholders: true }] : [];
    });
  },
});
