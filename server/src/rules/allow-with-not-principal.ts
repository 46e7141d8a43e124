import { isAllow } from './shared/grants';
import { defineRule } from './types';

export default defineRule({
  id: 'allow-with-not-principal',
  severity: 'warning',
  scope: 'statement',
  summary: 'Allow with NotPrincipal in a resource-based policy, which grants access to every principal not listed, anonymous callers included.',
  // NotPrincipal is only valid in resource-based policies; elsewhere unsupported-principal reports it.
  policyTypes: ['resource'],
  messages: {
    allowNotPrincipal:
      'Allow with NotPrincipal grants access to every principal except the ones listed, including other accounts and anonymous callers; name the principals in Principal instead, or use a Deny with NotPrincipal.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      if (isAllow(statement) && statement.notPrincipal && !statement.principal) {
        report({ node: statement.notPrincipal.keyNode, messageId: 'allowNotPrincipal' });
      }
    }
  },
});
