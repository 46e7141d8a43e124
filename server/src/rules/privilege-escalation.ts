import { matchGlob } from '../catalog/glob';
import type { Action, Catalog } from '../catalog/types';
import type { ASTNode, PolicyModel, Statement } from '../policy/model';
import { escalationMethods, type EscalationMethod } from './escalationMethods';
import { deniedOutright, everyActionOnEveryResource, grantingNode, isAllow } from './grants';
import { statementActions, type StatementActions } from '../policy/statementActions';
import { allowedValues, narrowsResources } from './narrowingConditions';
import { grantsOnEveryResource } from './resourceScope';
import { defineRule } from './types';

/** Methods listed in one message before "and N more". */
const shownMethods = 3;

export default defineRule({
  id: 'privilege-escalation',
  severity: 'warning',
  summary: 'The policy allows, on every resource, all the actions of a published privilege-escalation method (iam:CreatePolicyVersion; iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction...).',
  policyTypes: ['identity'],
  messages: {
    escalation: '"{action}" allows privilege escalation: {methods}; remove these actions or limit them to specific resources.',
  },
  check({ policy, catalog, report }) {
    // A full administrator has nothing left to escalate to; full-admin-access reports that policy.
    if (policy.statements.some((statement) => everyActionOnEveryResource(statement))) return;
    const byNode = new Map<ASTNode, EscalationMethod[]>();
    // Each method asks every Allow statement about its actions: look each statement's actions up once.
    const allows = policy.statements.filter(isAllow).map((statement) => ({ statement, granted: statementActions(statement, catalog) }));
    for (const method of escalationMethods) {
      const node = methodNode(policy, allows, catalog, method);
      if (node) byNode.set(node, [...(byNode.get(node) ?? []), method]);
    }
    for (const [node, methods] of [...byNode].sort((a, b) => a[0].offset - b[0].offset)) {
      const described = methods.slice(0, shownMethods).map((m) => `${m.actions.join(' + ')} lets it ${m.reason}`);
      const more = methods.length > shownMethods ? `; and ${methods.length - shownMethods} more` : '';
      report({
        node,
        messageId: 'escalation',
        data: { action: node.type === 'string' ? node.value : 'NotAction', methods: described.join('; ') + more },
      });
    }
  },
});

/**
 * Where to report a method the policy enables: the earliest (in the document) of the Action strings that bring its
 * actions in. Undefined unless every action of the method is allowed on every resource, unconditionally on resources
 * and not denied outright: with resources named, the method reaches only those (what the research calls potential).
 */
function methodNode(policy: PolicyModel, allows: readonly AllowStatement[], catalog: Catalog, method: EscalationMethod): ASTNode | undefined {
  let earliest: ASTNode | undefined;
  for (const action of methodActions(catalog, method)) {
    if (!action || deniedOutright(policy, action, catalog)) return undefined;
    const node = firstUnscopedGrant(allows, catalog, action, method.passedTo);
    if (!node) return undefined;
    if (!earliest || node.offset < earliest.offset) earliest = node;
  }
  return earliest;
}

/** An Allow statement of the policy, with its actions. */
interface AllowStatement {
  readonly statement: Statement;
  readonly granted: StatementActions;
}

const resolved = new WeakMap<Catalog, Map<EscalationMethod, readonly (Action | undefined)[]>>();

/** The method's actions as the catalogue knows them (undefined for one it does not), looked up once per catalogue. */
function methodActions(catalog: Catalog, method: EscalationMethod): readonly (Action | undefined)[] {
  let byMethod = resolved.get(catalog);
  if (!byMethod) resolved.set(catalog, (byMethod = new Map()));
  let actions = byMethod.get(method);
  if (!actions) byMethod.set(method, (actions = method.actions.map((name) => catalog.findAction(name))));
  return actions;
}

/**
 * The first Action string that grants the action on every resource. For iam:PassRole, a statement whose
 * iam:PassedToService condition names other services than the method's cannot serve that method.
 */
function firstUnscopedGrant(allows: readonly AllowStatement[], catalog: Catalog, action: Action, passedTo: string | undefined): ASTNode | undefined {
  for (const { statement, granted } of allows) {
    if (!granted.covers(action)) continue;
    if (!grantsOnEveryResource(statement, action) || narrowsResources(statement, [action], catalog)) continue;
    if (passedTo && action.fullName === 'iam:PassRole' && !mayPassTo(statement, catalog, passedTo)) continue;
    const node = grantingNode(statement, catalog, (a) => a.fullName === action.fullName);
    if (node) return node;
  }
  return undefined;
}

function mayPassTo(statement: Statement, catalog: Catalog, service: string): boolean {
  const allowed = allowedValues(statement, catalog, 'iam:PassedToService');
  return !allowed || allowed.some((value) => matchGlob(value, service, { ignoreCase: true }));
}
