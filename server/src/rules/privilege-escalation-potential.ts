import { actionText, byNode, describeMethods, enabledEscalations, type ActionGrant, type EnabledMethod } from './shared/enabledEscalations';
import { defineRule } from './types';

export default defineRule({
  id: 'privilege-escalation-potential',
  severity: 'info',
  summary: 'The policy allows all the actions of a published privilege-escalation method, some only on named resources, and the resources it reaches are open-ended (a name pattern, a tag condition) or can be given any permission.',
  policyTypes: ['identity'],
  messages: {
    potential:
      '"{action}" allows privilege escalation on the resources the policy names: {methods}; check that none of them is more privileged than this principal should be, or remove these actions.',
  },
  // Whole policy (no scope): an escalation method can need actions that different Allow statements grant.
  check({ policy, catalog, report }) {
    // On every resource it is privilege-escalation's finding, not this one's.
    const enabled = enabledEscalations(policy, catalog).filter((found) => !found.onEveryResource && worthReviewing(found));
    for (const [node, methods] of byNode(enabled)) {
      report({ node, messageId: 'potential', data: { action: actionText(node), methods: describeMethods(methods) } });
    }
  },
});

/**
 * A method limited to named resources is reported when what it reaches is not pinned down: its target action (the
 * role passed, the function or instance taken over...) is allowed on a name pattern, on every resource of its type
 * under a condition (tags, ...), or on every resource; or the method can give its target any permission, where even
 * one exactly named role, user, group or policy can become an administrator.
 * With the target named exactly (policy variables count: one name per caller), the method reaches what the author
 * chose, the shape AWS recommends for iam:PassRole, and whether that is more than the principal should have is
 * outside the policy.
 */
function worthReviewing({ method, grants }: EnabledMethod): boolean {
  if (method.anyPermission) return true;
  return grants[method.actions.indexOf(method.target)]!.some(isOpenEnded);
}

function isOpenEnded(grant: ActionGrant): boolean {
  // No resources listed: a type-wide Resource or a NotResource, narrowed by a condition.
  if (grant.onEveryResource || grant.resources.length === 0) return true;
  return grant.resources.some(({ value }) => value === '*' || /[*?]/.test(value.split(':').slice(5).join(':')));
}
