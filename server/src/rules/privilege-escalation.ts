import { actionText, byNode, describeMethods, enabledEscalations } from './shared/enabledEscalations';
import { defineRule } from './types';

export default defineRule({
  id: 'privilege-escalation',
  severity: 'warning',
  summary: 'The policy allows, on every resource, all the actions of a published privilege-escalation method (iam:CreatePolicyVersion; iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction...).',
  policyTypes: ['identity'],
  messages: {
    escalation: '"{action}" allows privilege escalation: {methods}; remove these actions or limit them to specific resources.',
  },
  // Whole policy (no scope): an escalation method can need actions that different Allow statements grant.
  check({ policy, catalog, report }) {
    // With resources named, a method reaches only those: privilege-escalation-potential's case.
    const enabled = enabledEscalations(policy, catalog).filter((found) => found.onEveryResource);
    for (const [node, methods] of byNode(enabled)) {
      report({ node, messageId: 'escalation', data: { action: actionText(node), methods: describeMethods(methods) } });
    }
  },
});
