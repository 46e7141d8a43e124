import { placeholderField } from '../policy/placeholders';
import { conditionTestEdit } from './shared/conditionTestEdit';
import { reportDelegations } from './shared/roleDelegation';
import { defineRule } from './types';

const servicePrincipal = placeholderField('ServicePrincipal');

export default defineRule({
  id: 'create-slr-with-star-in-resource',
  severity: 'warning',
  scope: 'statement-and-denials',
  summary: 'An identity policy allows iam:CreateServiceLinkedRole for every service ("*" or aws-service-role/*) without an iam:AWSServiceName condition.',
  policyTypes: ['identity'],
  fixable: 'suggestion',
  messages: {
    starInResource:
      'iam:CreateServiceLinkedRole on "{resource}" lets this principal create the service-linked role of any service; name the role (role/aws-service-role/<ServicePrincipal>/*) or add an iam:AWSServiceName condition.',
  },
  check(context) {
    reportDelegations(context, 'createServiceLinkedRole', { actionSide: 'named', resourceSide: 'star' }, 'starInResource', (grant) => {
      const edit = conditionTestEdit(context.policy.text, grant.statement, 'StringEquals', 'iam:AWSServiceName', JSON.stringify(servicePrincipal));
      return edit ? [{ title: `Add an iam:AWSServiceName condition (replace ${servicePrincipal}, e.g. with autoscaling.amazonaws.com)`, edits: [edit], placeholders: true }] : [];
    });
  },
});
