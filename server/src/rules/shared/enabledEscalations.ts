/**
 * Which published privilege-escalation methods a policy enables, and how far: every action of the method allowed on
 * every resource (privilege-escalation), or every action allowed but some only on named resources
 * (privilege-escalation-potential). Both rules ask; the answer is computed once per policy.
 */
import { matchGlob } from '../../catalog/glob';
import type { Action, Catalog } from '../../catalog/types';
import type { ASTNode, PolicyModel, Statement, StringValue } from '../../policy/model';
import { statementActions, type StatementActions } from '../../policy/statementActions';
import { escalationMethods, type EscalationMethod } from './escalationMethods';
import { deniedOutright, everyActionOnEveryResource, grantingNode, isAllow } from './grants';
import { allowedValues, narrowsResources } from './narrowingConditions';
import { grantsOnEveryResource, namesResourceOfFormat } from './resourceScope';
import { DocumentMemo } from '../../policy/documentMemo';

/** One Allow statement's grant of one action of a method. */
export interface ActionGrant {
  readonly statement: Statement;
  /** The first Action string of the statement that brings the action in (the NotAction key for NotAction). */
  readonly node: ASTNode;
  /** On every resource of a type the action acts on, and no condition limits the resources. */
  readonly onEveryResource: boolean;
  /** Otherwise, the Resource values that can name a resource the action acts on (empty for NotResource). */
  readonly resources: readonly StringValue[];
}

export interface EnabledMethod {
  readonly method: EscalationMethod;
  /** For each action of the method, in the method's order: the statements that allow it, in document order. */
  readonly grants: readonly (readonly ActionGrant[])[];
  /** Every action allowed on every resource somewhere in the policy. */
  readonly onEveryResource: boolean;
  /**
   * Where to report: the earliest (in the document) of the Action strings that bring the method's actions in, taking
   * for each action a grant on every resource where there is one.
   */
  readonly node: ASTNode;
}

const memo = new DocumentMemo<PolicyModel, { catalog: Catalog; methods: readonly EnabledMethod[] }>('enabled escalations');

/**
 * The methods whose every action the policy allows (on some resource) and does not deny outright, in the data's
 * order. None for a full administrator (`*` on `*`): there is nothing left to escalate to, and full-admin-access
 * reports that policy.
 */
export function enabledEscalations(policy: PolicyModel, catalog: Catalog): readonly EnabledMethod[] {
  const cached = memo.get(policy);
  if (cached?.catalog === catalog) return cached.methods;
  const methods = policy.statements.some((statement) => everyActionOnEveryResource(statement)) ? [] : findEnabled(policy, catalog);
  memo.set(policy, { catalog, methods });
  return methods;
}

/** An Allow statement of the policy, with its actions. */
interface AllowStatement {
  readonly statement: Statement;
  readonly granted: StatementActions;
}

function findEnabled(policy: PolicyModel, catalog: Catalog): EnabledMethod[] {
  // Each method asks every Allow statement about its actions: look each statement's actions up once.
  const allows = policy.statements.filter(isAllow).map((statement) => ({ statement, granted: statementActions(statement, catalog) }));
  // Methods share actions (iam:PassRole is in 24 of them): look each action's grants up once.
  const known = new Map<string, readonly ActionGrant[]>();
  const grantsFor = (action: Action, passedTo: string | undefined): readonly ActionGrant[] => {
    const key = action.fullName === 'iam:PassRole' ? `${action.fullName} ${passedTo ?? ''}` : action.fullName;
    let found = known.get(key);
    if (!found) known.set(key, (found = deniedOutright(policy, action.id, catalog) ? [] : grantsOf(allows, catalog, action, passedTo)));
    return found;
  };
  // Most policies grant no action of most methods: a method with an action no Allow statement covers is passed over
  // before anything is looked up or built for it (grantsOf would find no grant for that action).
  const allowed = (action: Action | undefined): boolean => {
    if (!action) return false;
    for (const allow of allows) if (allow.granted.has(action.id)) return true;
    return false;
  };
  const enabled: EnabledMethod[] = [];
  for (const method of escalationMethods) {
    if (!methodActions(catalog, method).every(allowed)) continue;
    const grants: (readonly ActionGrant[])[] = [];
    for (const action of methodActions(catalog, method)) {
      const found = action ? grantsFor(action, method.passedTo) : [];
      if (found.length === 0) break;
      grants.push(found);
    }
    if (grants.length < method.actions.length) continue;
    const onEveryResource = grants.every((found) => found.some((grant) => grant.onEveryResource));
    const nodes = grants.map((found) => (onEveryResource ? found.find((grant) => grant.onEveryResource)! : found[0]!).node);
    const node = nodes.reduce((earliest, candidate) => (candidate.offset < earliest.offset ? candidate : earliest));
    enabled.push({ method, grants, onEveryResource, node });
  }
  return enabled;
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
 * Every Allow statement that grants the action on some resource. For iam:PassRole, a statement whose
 * iam:PassedToService condition names other services than the method's cannot serve that method.
 */
function grantsOf(allows: readonly AllowStatement[], catalog: Catalog, action: Action, passedTo: string | undefined): ActionGrant[] {
  const found: ActionGrant[] = [];
  for (const { statement, granted } of allows) {
    if (!granted.covers(action)) continue;
    if (passedTo && action.fullName === 'iam:PassRole' && !mayPassTo(statement, catalog, passedTo)) continue;
    const everyType = grantsOnEveryResource(statement, catalog.resourceTypeArnsOf(action.id));
    if (everyType && !narrowsResources(statement, [action], catalog)) {
      found.push(new Grant(statement, catalog, action.id, true, []));
      continue;
    }
    // With a type-wide grant limited by a condition, the grant still reaches the resources the condition lets through.
    const resources = (statement.resource?.values ?? []).filter((value) => namesResourceOf(action, value.value));
    if (everyType || resources.length > 0) found.push(new Grant(statement, catalog, action.id, false, resources));
  }
  return found;
}

/**
 * A grant whose Action string is looked up only when asked: `"*"` stands for every action of the catalogue. A class,
 * not an object literal with a getter: V8 keeps a literal's getter (which holds the statement) in the old generation,
 * and that kept the document's parse tree alive through young-generation collections (see policy/documentMemo.ts).
 */
class Grant implements ActionGrant {
  private found: ASTNode | undefined;

  constructor(
    readonly statement: Statement,
    private readonly catalog: Catalog,
    private readonly actionId: number,
    readonly onEveryResource: boolean,
    readonly resources: readonly StringValue[],
  ) {}

  get node(): ASTNode {
    // The statement covers the action, so some Action string brings it in, or it is a NotAction statement.
    return (this.found ??= grantingNode(this.statement, this.catalog, (id) => id === this.actionId)!);
  }
}

/**
 * Whether the Resource value can name a resource the action acts on. An action the reference lists no resource type
 * for takes `*` only, so a named resource grants it nothing.
 */
function namesResourceOf(action: Action, value: string): boolean {
  if (value === '*') return true;
  return action.resourceTypes.some((row) => namesResourceOfFormat(value, row.resourceType.arn));
}

/** Methods listed in one message before "and N more". */
const shownMethods = 3;

/** The methods grouped by the Action string they are reported at, in document order. */
export function byNode(enabled: readonly EnabledMethod[]): [ASTNode, EnabledMethod[]][] {
  const groups = new Map<ASTNode, EnabledMethod[]>();
  for (const found of enabled) groups.set(found.node, [...(groups.get(found.node) ?? []), found]);
  return [...groups].sort((a, b) => a[0].offset - b[0].offset);
}

/** `iam:PassRole + ec2:RunInstances lets it launch ...; ...; and N more`. */
export function describeMethods(methods: readonly EnabledMethod[]): string {
  const described = methods.slice(0, shownMethods).map(({ method }) => `${method.actions.join(' + ')} lets it ${method.reason}`);
  const more = methods.length > shownMethods ? `; and ${methods.length - shownMethods} more` : '';
  return described.join('; ') + more;
}

/** The Action string reported at, or NotAction. */
export function actionText(node: ASTNode): string {
  return node.type === 'string' ? node.value : 'NotAction';
}

function mayPassTo(statement: Statement, catalog: Catalog, service: string): boolean {
  const allowed = allowedValues(statement, catalog, 'iam:PassedToService');
  return !allowed || allowed.some((value) => matchGlob(value, service, { ignoreCase: true }));
}
