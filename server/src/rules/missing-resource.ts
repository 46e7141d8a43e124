import { impliesItsResource } from '../policy/impliedResource';
import { openingBrace } from './shared/openingBrace';
import { defineRule } from './types';

export default defineRule({
  id: 'missing-resource',
  severity: 'error',
  scope: 'statement',
  summary: 'A statement has neither Resource nor NotResource (not checked for role trust policies, SCPs and ECR repository policies).',
  // Trust policies must not have a Resource at all; SCPs may omit it (AWS's own SCP examples do).
  policyTypes: ['identity', 'resource', 'rcp', 'permissions-boundary', 'session'],
  messages: {
    missing: 'This statement has neither "Resource" nor "NotResource"; add "Resource" with the ARNs it applies to (or "*").',
  },
  check({ statements, policyType, report }) {
    for (const statement of statements) {
      if (statement.resource || statement.notResource) continue;
      // An ECR repository policy governs its own repository and names none (data/implied-resource-services.json).
      if (policyType === 'resource' && impliesItsResource(statement)) continue;
      report({ span: openingBrace(statement.node), messageId: 'missing' });
    }
  },
});
