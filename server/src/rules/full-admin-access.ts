import { fullAdminAction } from './shared/grants';
import { defineRule } from './types';

export default defineRule({
  id: 'full-admin-access',
  severity: 'warning',
  scope: 'statement',
  summary: 'An identity policy allows every action on every resource ("*" on "*") with no condition that narrows it.',
  // SCPs and RCPs allow "*" by default (FullAWSAccess) as a guardrail; boundaries and session policies only cap
  // what other policies grant. Only identity policies hand out these permissions.
  policyTypes: ['identity'],
  messages: {
    fullAdmin:
      '"{action}" on every resource gives full administrator access, to every service including ones added later; grant the actions this principal needs, or add a condition (MFA, source network, organization) if it must stay an administrator.',
  },
  check({ statements, catalog, report }) {
    for (const statement of statements) {
      const action = fullAdminAction(statement, catalog);
      if (action) report({ node: action.node, messageId: 'fullAdmin', data: { action: action.value } });
    }
  },
});
