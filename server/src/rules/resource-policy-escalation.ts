/**
 * A principal allowed to write a resource's resource-based policy can write one that allows itself anything that
 * policy can grant on the resource: on that resource it effectively has every such action, whatever else its own
 * policy says. Reported where this policy does not already allow all of them there (otherwise nothing is gained),
 * on named resources as on every resource.
 */
import type { Action, Catalog } from '../catalog/types';
import type { ASTNode, PolicyModel, Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { everyActionOnEveryResource, grantingNode, isAllow, isDeny } from './shared/grants';
import { conditionTests, narrowingOf, narrowsAnything } from './shared/narrowingConditions';
import { coversEveryArn, statementCoversTarget, type ResourceTarget } from './shared/resourceScope';
import { resourcePolicyWriters, type ResourcePolicyWriter, type WriterScope } from './shared/resourcePolicyWriters';
import { defineRule } from './types';

/** Names shown in a message before "and N more". */
const shown = 3;

export default defineRule({
  id: 'resource-policy-escalation',
  severity: 'warning',
  summary:
    'An action that writes a resource-based policy (s3:PutBucketPolicy, kms:PutKeyPolicy, lambda:AddPermission...) allowed where the policy does not already allow everything that resource policy can grant: the principal can grant itself the rest.',
  policyTypes: ['identity'],
  messages: {
    escalation:
      '"{action}" allows writing the resource-based policy of {resources}{via}: this principal can grant itself {gained} there, where this policy allows it {allowed}.',
    trustEscalation:
      '"{action}" allows rewriting the trust policy of {resources}{via}: this principal can name itself there, assume the role and act with its permissions.',
  },
  // Whole policy (no scope): it weighs every Allow statement of the policy together.
  check({ policy, catalog, report }) {
    // A full administrator has nothing left to gain; full-admin-access reports that policy.
    if (policy.statements.some((statement) => everyActionOnEveryResource(statement))) return;
    const writers = resourcePolicyWriters(catalog);
    // Built when the first writer turns up: most policies allow none.
    let judge: GrantJudge | undefined;
    const findings = new Map<string, Finding>();
    for (const statement of policy.statements) {
      if (!isAllow(statement) || limitsWriter(statement, catalog)) continue;
      const granted = statementActions(statement, catalog);
      for (const writer of writers) {
        if (!granted.covers(writer.action)) continue;
        for (const scope of writer.scopes) {
          for (const subject of subjectsOf(statement, scope, catalog)) {
            judge ??= new GrantJudge(policy, catalog);
            const gain = gainOn(judge, writer, scope, subject);
            if (!gain) continue;
            const node = grantingNode(statement, catalog, (id) => id === writer.action.id);
            if (node) record(findings, node, writer, scope, subject, gain);
          }
        }
      }
    }
    for (const finding of [...findings.values()].sort((a, b) => a.node.offset - b.node.offset)) {
      const action = finding.node.type === 'string' ? finding.node.value : 'NotAction';
      const writerNames = [...finding.writers].sort();
      // The writers are named when the Action string does not already say which (`s3:Put*`, `NotAction`).
      const via = writerNames.length === 1 && writerNames[0]!.toLowerCase() === action.toLowerCase() ? '' : ` (${listed(writerNames)})`;
      const data = { action, resources: describe([...finding.resources]), via };
      if (finding.trustPolicy) {
        report({ node: finding.node, messageId: 'trustEscalation', data });
        continue;
      }
      report({
        node: finding.node,
        messageId: 'escalation',
        data: { ...data, gained: describeGained(finding), allowed: describeAllowed([...finding.allowed!]) },
      });
    }
  },
});

/**
 * A condition that limits how the statement's actions may be called or on which resources: through a service
 * (`kms:ViaService`, `aws:CalledVia`), for AWS resources only (`kms:GrantIsForAWSResource`), with given grant
 * operations, or on tagged resources. The principal may then be unable to write a policy for itself (or only on some
 * of the resources), so the statement is left alone. MFA, network and principal conditions do not stop it.
 */
function limitsWriter(statement: Statement, catalog: Catalog): boolean {
  return conditionTests(statement, catalog).some((test) => {
    const kind = narrowingOf(test);
    return kind === 'request' || kind === 'service' || kind === 'resource';
  });
}

/** Resources of one writer type that a statement lets the writer act on, with the targets the written policy governs. */
interface Subject {
  /** `every bucket`, or the Resource value. */
  readonly label: string;
  /** Where the writer itself acts. */
  readonly writerTarget: ResourceTarget;
  /** Per governed type, where its actions act. */
  readonly targets: readonly { readonly format: string; readonly target: ResourceTarget }[];
}

function subjectsOf(statement: Statement, scope: WriterScope, catalog: Catalog): Subject[] {
  const every = (): Subject => {
    const targets = scope.governed.map((g) => ({ format: g.type.arn, target: { everyOf: g.type.arn } }));
    return { label: `every ${scope.format ? scope.typeName : scope.governed[0]!.type.name}`, writerTarget: targets[0]!.target, targets };
  };
  if (!statement.resource) return statement.notResource ? [every()] : [];
  const subjects: Subject[] = [];
  let everyAdded = false;
  for (const { value } of statement.resource.values) {
    if (value === '*' || (scope.format && coversEveryArn(value, scope.format))) {
      if (!everyAdded) subjects.push(every());
      everyAdded = true;
    } else if (scope.format && catalog.matchArn(value, scope.format)) {
      const targets = scope.governed.map((g) => ({ format: g.type.arn, target: { named: value + g.childPath } }));
      subjects.push({ label: value, writerTarget: { named: value }, targets });
    }
  }
  return everyAdded ? subjects.filter((subject) => subject.label.startsWith('every ')) : subjects;
}

interface Gain {
  readonly gained: readonly Action[];
  readonly allowed: readonly Action[];
}

/** What writing the policy on the subject gives beyond what this policy allows there; undefined when nothing. */
function gainOn(judge: GrantJudge, writer: ResourcePolicyWriter, scope: WriterScope, subject: Subject): Gain | undefined {
  if (judge.denied(writer.action, [subject.writerTarget])) return undefined;
  const targetsOf = targetsFor(subject);
  // Asked of every action the written policy could grant (hundreds for `every action`): most policies deny nothing.
  const gained = judge.deniesNothing ? scope.grantable : scope.grantable.filter((action) => !judge.denied(action, targetsOf(action)));
  if (gained.length === 0) return undefined;
  // A role's trust policy must name the principal whatever its identity policy allows: an Allow here proves nothing.
  if (writer.fact.trustPolicy) return { gained, allowed: [] };
  const allowed = gained.filter((action) => judge.allowed(action, targetsOf(action)));
  return allowed.length < gained.length ? { gained, allowed } : undefined;
}

/** Where each of the subject's governed types lets an action act, for the types the action acts on. */
function targetsFor(subject: Subject): (action: Action) => readonly ResourceTarget[] {
  const { targets } = subject;
  if (targets.length === 1) {
    // The common case, one governed type: one list, shared by every action that acts on it.
    const only = targets[0]!;
    const one = [only.target];
    return (action) => (action.resourceTypes.some((row) => row.resourceType.arn === only.format) ? one : []);
  }
  return (action) => targets.filter((t) => action.resourceTypes.some((row) => row.resourceType.arn === t.format)).map((t) => t.target);
}

/** One report: an Action string that brings in writers of one kind, on the resources where they gain something. */
interface Finding {
  readonly node: ASTNode;
  readonly trustPolicy: boolean;
  readonly writers: Set<string>;
  readonly resources: Set<string>;
  /** The grantable actions are every action of the governed types (not a listed few). */
  readonly everyAction: boolean;
  readonly service: string;
  /** How many actions the written policy could grant, before this policy's Deny statements. */
  readonly grantable: number;
  readonly gained: Map<string, Action>;
  /** Actions this policy allows on all the resources (an intersection); undefined until the first gain. */
  allowed: Set<string> | undefined;
}

function record(findings: Map<string, Finding>, node: ASTNode, writer: ResourcePolicyWriter, scope: WriterScope, subject: Subject, gain: Gain): void {
  const key = `${node.offset}\u0000${writer.fact.actions.join()}`;
  let finding = findings.get(key);
  if (!finding) {
    finding = {
      node,
      trustPolicy: writer.fact.trustPolicy === true,
      writers: new Set(),
      resources: new Set(),
      everyAction: !writer.fact.grantable,
      service: scope.service,
      grantable: scope.grantable.length,
      gained: new Map(),
      allowed: undefined,
    };
    findings.set(key, finding);
  }
  finding.writers.add(writer.action.fullName);
  finding.resources.add(subject.label);
  for (const action of gain.gained) finding.gained.set(action.fullName, action);
  const allowed = new Set(gain.allowed.map((a) => a.fullName));
  finding.allowed = finding.allowed ? new Set([...finding.allowed].filter((name) => allowed.has(name))) : allowed;
}

/**
 * What the policy itself allows or denies on given resources. An Allow counts only without a narrowing condition (the
 * written resource policy can grant what a conditional Allow grants, without the condition); a Deny counts only
 * without any condition, since an identity policy's Deny holds whatever the resource policy says.
 */
class GrantJudge {
  private readonly allows: Statement[];
  private readonly denies: Statement[];

  constructor(
    policy: PolicyModel,
    private readonly catalog: Catalog,
  ) {
    this.allows = policy.statements.filter((s) => isAllow(s) && !narrowsAnything(s, catalog));
    this.denies = policy.statements.filter((s) => isDeny(s) && !(s.condition && s.condition.operators.length > 0));
  }

  /** True when some Allow covers the action on every target (and there is at least one target). */
  allowed(action: Action, targets: readonly ResourceTarget[]): boolean {
    return targets.length > 0 && targets.every((target) => this.allows.some((s) => this.covers(s, action, target)));
  }

  /** No Deny statement here can take a grant away. */
  get deniesNothing(): boolean {
    return this.denies.length === 0;
  }

  /** True when some Deny covers the action on every target (and there is at least one target). */
  denied(action: Action, targets: readonly ResourceTarget[]): boolean {
    return targets.length > 0 && targets.every((target) => this.denies.some((s) => this.covers(s, action, target)));
  }

  private covers(statement: Statement, action: Action, target: ResourceTarget): boolean {
    return statementActions(statement, this.catalog).covers(action) && statementCoversTarget(statement, target);
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Up to three names, then how many more. */
function describe(names: readonly string[]): string {
  return names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : listed(names);
}

function describeGained(finding: Finding): string {
  if (finding.everyAction) return `every ${finding.service} action${finding.gained.size < finding.grantable ? ' this policy does not deny' : ''}`;
  return describe([...finding.gained.keys()]);
}

function describeAllowed(allowed: readonly string[]): string {
  const names = [...allowed].sort();
  if (names.length === 0) return 'none of them';
  if (names.length <= shown) return `only ${listed(names)}`;
  return `only ${names.length} of them (${describe(names)})`;
}
