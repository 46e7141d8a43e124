/**
 * What a new version of a policy (or set of policies) allows that the base did not: IAM Access Analyzer's
 * CheckNoNewAccess, offline. Works on the policy model, so policies read from infrastructure code compare the same
 * way as policy files.
 *
 * For each Allow statement of the new side, each catalogue action it grants and each of its resource patterns, the
 * question is whether the base allowed all of it and the new side's own Deny statements do not take it away:
 *   new Allow  ⊆  (base Allows ∪ new Denies)   and   no base Deny that the new Denies no longer cover meets it.
 * Resources are compared exactly (glob languages, globContainment.ts), actions by the catalogue's expansion; a base
 * statement covers only where its conditions follow from the new statement's (conditionImplication.ts) and its
 * principal takes in the new one's (principalContainment.ts). The union of several base statements counts
 * (`arn:aws:s3:::b` + `arn:aws:s3:::b/*` is not `arn:aws:s3:::b*`, and the search knows it).
 *
 * Where coverage fails only because a comparison could not be made, the access is "may widen", with the reason;
 * where it fails for a proved reason (a resource no base statement names, a condition the base had and the new
 * statement drops), it is "new". Both count as new access.
 */
import type { Action, Catalog } from '../catalog/types';
import type { ASTNode, PolicyModel, Statement } from '../policy/model';
import { statementActions, type StatementActions } from '../policy/statementActions';
import { conditionBlocks, conditionsImply, type ConditionBlock, type Implication } from './conditionImplication';
import { findWitness, opaqueGlob, parseGlob, templateGlob, type Glob, type GlobUnion, type SearchBudget, type WitnessAnswer } from './globContainment';
import { principalsContained } from './principalContainment';
import { DocumentMemo } from '../policy/documentMemo';
import { formatCount } from '../../../shared/formatCount';

export type AccessKind = 'new' | 'may widen';

export interface StatementRef {
  readonly model: PolicyModel;
  readonly statement: Statement;
  readonly index: number;
  readonly sid: string | undefined;
}

export interface NewAccess {
  /** The new side's Allow statement that grants it. */
  readonly statement: StatementRef;
  /** Full action names (canonical case), sorted; an action outside the catalogue as written. */
  readonly actions: readonly string[];
  /** The resource pattern as written, or `*` for a statement without Resource or with NotResource. */
  readonly resource: string;
  /** Set when the statement uses NotResource: every resource but these. */
  readonly notResource?: readonly string[];
  /** The Resource value's node, when the finding is about one. */
  readonly resourceNode?: ASTNode;
  readonly kind: AccessKind;
  readonly reason: string;
}

/** What a host computes at a value of an embedded policy (diffInput.ts finds it): compared by its text. */
export type HostComputed =
  | { readonly kind: 'template'; readonly parts: readonly ({ readonly text: string } | { readonly hole: string })[] }
  | { readonly kind: 'opaque'; readonly text: string };

export interface DiffOptions {
  /** For policies inside infrastructure code: the template or reference behind a rendered value. */
  readonly hostValue?: (model: PolicyModel, node: ASTNode) => HostComputed | undefined;
}

export interface PolicyDiff {
  readonly newAccess: readonly NewAccess[];
}

const nonEmpty = parseGlob('?*');

/**
 * Automaton states all the pattern searches of one diff may step (globContainment.ts): the 100 KB pair of the bench
 * needs under 20,000; past it, what is left is "may widen" ("too complex to compare"), in seconds at worst.
 */
const searchBudget = 2_000_000;

type ResourceSet = { readonly kind: 'any' } | { readonly kind: 'resource' | 'not'; readonly globs: readonly Glob[] };

interface Entry {
  readonly id: number;
  readonly side: 'base' | 'new';
  readonly effect: 'Allow' | 'Deny';
  readonly ref: StatementRef;
  readonly actions: StatementActions;
  /** Action / NotAction patterns lower-cased, for actions outside the catalogue. */
  readonly actionGlobs: readonly Glob[];
  readonly resources: ResourceSet;
  readonly conditions: readonly ConditionBlock[];
  readonly name: string;
}

function readEntries(models: readonly PolicyModel[], side: 'base' | 'new', catalog: Catalog, first: number, options: DiffOptions): Entry[] {
  const entries: Entry[] = [];
  for (const model of models) {
    const variables = model.version?.value === '2012-10-17';
    for (const statement of model.statements) {
      const effect = statement.effect?.value;
      if (effect !== 'Allow' && effect !== 'Deny') continue; // IAM refuses the policy; nothing to compare
      const sid = statement.sid?.value;
      const ref: StatementRef = { model, statement, index: statement.index, sid };
      const element = statement.action ?? statement.notAction;
      entries.push({
        id: first + entries.length,
        side,
        effect,
        ref,
        actions: statementActions(statement, catalog),
        actionGlobs: (element?.values ?? []).map((v) => parseGlob(v.value, { ignoreCase: true })),
        resources: resourceSet(statement, model, variables, options),
        conditions: conditionBlocks(statement.condition, variables, (node) => hostText(options, model, node)),
        name: `${side} statement ${sid ? JSON.stringify(sid) : `#${statement.index}`}`,
      });
    }
  }
  return entries;
}

/** The text a host writes for a computed value (holes as written), so two different holes never compare equal. */
function hostText(options: DiffOptions, model: PolicyModel, node: ASTNode): string | undefined {
  const computed = options.hostValue?.(model, node);
  if (!computed) return undefined;
  return computed.kind === 'opaque' ? `\u0000${computed.text}` : computed.parts.map((part) => ('hole' in part ? part.hole : part.text)).join('');
}

function resourceSet(statement: Statement, model: PolicyModel, variables: boolean, options: DiffOptions): ResourceSet {
  const element = statement.resource ?? statement.notResource;
  if (!element) return { kind: 'any' };
  const globs: Glob[] = element.values.map((v) => {
    const computed = options.hostValue?.(model, v.node);
    return computed?.kind === 'template' ? templateGlob(computed.parts, { variables }) : parseGlob(v.value, { variables });
  });
  for (const node of element.opaque ?? []) {
    const computed = options.hostValue?.(model, node);
    globs.push(opaqueGlob(computed?.kind === 'opaque' ? computed.text : model.text.slice(node.offset, node.offset + node.length)));
  }
  nodesOfGlobs.set(globs, [...element.values.map((v) => v.node), ...(element.opaque ?? [])]);
  return { kind: statement.resource ? 'resource' : 'not', globs };
}

/** The value node behind each glob of a resource list, in order. */
const nodesOfGlobs = new DocumentMemo<readonly Glob[], readonly ASTNode[]>('glob nodes');

/**
 * A string in every target set and in no cover: `found: false` means the covers take in the targets' intersection.
 */
function uncovered(targets: readonly ResourceSet[], covers: readonly ResourceSet[], budget?: SearchBudget): WitnessAnswer {
  const must: GlobUnion[] = [];
  const mustNot: Glob[] = [];
  for (const target of targets) {
    if (target.kind === 'resource') must.push(target.globs);
    else if (target.kind === 'not') mustNot.push(...target.globs);
  }
  for (const cover of covers) {
    if (cover.kind === 'any') return { found: false };
    if (cover.kind === 'resource') mustNot.push(...cover.globs);
    else must.push(cover.globs);
  }
  return findWitness({ must, mustNot }, budget);
}

/** An action the new statement grants: from the catalogue, or a pattern the catalogue has no action for. */
type ActionItem = { readonly action: Action } | { readonly pattern: Glob };

function covers(entry: Entry, item: ActionItem, budget: SearchBudget): boolean {
  if ('action' in item) return entry.actions.covers(item.action);
  if (entry.ref.statement.action) return findWitness({ must: [[item.pattern]], mustNot: entry.actionGlobs }, budget).found === false;
  if (entry.ref.statement.notAction) return findWitness({ must: [[item.pattern], entry.actionGlobs], mustNot: [] }, budget).found === false;
  return false;
}

/** Proved not to hold (not merely unknown). */
function refuted(implication: Implication): boolean {
  return !implication.holds && implication.proven;
}

function reasonOf(implication: Implication): string {
  return implication.holds ? '' : implication.reason;
}

function combine(a: Implication, b: Implication): Implication {
  if (!a.holds && a.proven) return a;
  if (!b.holds && b.proven) return b;
  return a.holds ? b : a;
}

export function diffPolicies(base: readonly PolicyModel[], next: readonly PolicyModel[], catalog: Catalog, options: DiffOptions = {}): PolicyDiff {
  const baseEntries = readEntries(base, 'base', catalog, 0, options);
  const newEntries = readEntries(next, 'new', catalog, baseEntries.length, options);
  const coverers = [...baseEntries, ...newEntries.filter((e) => e.effect === 'Deny')];
  const budget: SearchBudget = { remaining: searchBudget };

  // Which coverers name each catalogue action, by walking their action lists once (not 22,000 × statements).
  const byAction = new Map<Action, number[]>();
  coverers.forEach((entry, position) => {
    for (const action of entry.actions.actions) {
      const list = byAction.get(action);
      if (list) list.push(position);
      else byAction.set(action, [position]);
    }
  });

  const relations = new Map<string, Implication>();
  /** Whether `cover` applies to every request `target` does (conditions and principal). */
  const relation = (target: Entry, cover: Entry): Implication => {
    const key = `${target.id}:${cover.id}`;
    let answer = relations.get(key);
    if (!answer) {
      answer = combine(
        conditionsImply(target.conditions, cover.conditions),
        principalsContained(target.ref.statement, target.ref.model, cover.ref.statement, cover.ref.model, (model, node) => hostText(options, model, node)),
      );
      relations.set(key, answer);
    }
    return answer;
  };

  const answers = new Map<string, WitnessAnswer>();
  const uncoveredMemo = (targetKey: string, targets: readonly ResourceSet[], covers: readonly Entry[]): WitnessAnswer => {
    const key = `${targetKey}|${covers.map((c) => c.id).join(',')}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = uncovered(
        targets,
        covers.map((c) => c.resources),
        budget,
      );
      answers.set(key, answer);
    }
    return answer;
  };

  const findings = new Map<string, { access: Omit<NewAccess, 'actions'>; actions: string[] }>();
  // By model, not by URI: the policies of one template share the template's URI.
  const modelIds = new Map<PolicyModel, number>();
  const record = (access: Omit<NewAccess, 'actions'>, names: readonly string[]) => {
    let modelId = modelIds.get(access.statement.model);
    if (modelId === undefined) modelIds.set(access.statement.model, (modelId = modelIds.size));
    const key = `${modelId}#${access.statement.index}|${access.resource}|${access.kind}|${access.reason}`;
    const found = findings.get(key);
    if (found) found.actions.push(...names);
    else findings.set(key, { access, actions: [...names] });
  };

  for (const grant of newEntries) {
    if (grant.effect !== 'Allow') continue;
    // The actions, grouped by the coverers that name them: each group is answered once.
    const groups = new Map<string, { positions: readonly number[]; names: string[] }>();
    const addToGroup = (positions: readonly number[], name: string) => {
      const key = positions.join(',');
      const group = groups.get(key);
      if (group) group.names.push(name);
      else groups.set(key, { positions, names: [name] });
    };
    for (const action of grant.actions.actions) addToGroup(byAction.get(action) ?? [], action.fullName);
    if (grant.ref.statement.action) {
      grant.actions.entries.forEach((entry, index) => {
        if (entry.actions.length > 0) return;
        const item: ActionItem = { pattern: grant.actionGlobs[index]! };
        const positions = coverers.flatMap((c, position) => (covers(c, item, budget) ? [position] : []));
        addToGroup(positions, entry.value.value);
      });
    }

    const nodes = grant.resources.kind === 'any' ? undefined : nodesOfGlobs.get(grant.resources.globs);
    const targets: { label: string; notResource?: readonly string[]; node?: ASTNode; set: ResourceSet }[] =
      grant.resources.kind === 'resource'
        ? grant.resources.globs.map((glob, index) => ({ label: glob.text, node: nodes?.[index], set: { kind: 'resource', globs: [glob] } as ResourceSet }))
        : grant.resources.kind === 'not'
          ? [{ label: '*', notResource: grant.resources.globs.map((g) => g.text), set: grant.resources }]
          : [{ label: '*', set: grant.resources }];

    for (const { positions, names } of groups.values()) {
      const group = positions.map((p) => coverers[p]!);
      const baseAllows = group.filter((e) => e.side === 'base' && e.effect === 'Allow');
      const baseDenies = group.filter((e) => e.side === 'base' && e.effect === 'Deny');
      const newDenies = group.filter((e) => e.side === 'new');
      const strict = [...baseAllows, ...newDenies].filter((e) => relation(grant, e).holds);
      targets.forEach((target, targetIndex) => {
        const targetKey = `${grant.id}/${targetIndex}`;
        const base = {
          statement: grant.ref,
          resource: target.label,
          ...(target.notResource ? { notResource: target.notResource } : {}),
          ...(target.node ? { resourceNode: target.node } : {}),
        };
        const answer = uncoveredMemo(targetKey, [target.set], strict);
        if (answer.found === false) {
          const widened = removedDeny(target.set, baseDenies, newDenies);
          if (widened) record({ ...base, ...widened }, names);
          return;
        }
        // Without the comparisons that could not be made, is it still not covered? Then it is new for sure.
        const lenient = [...baseAllows.filter((e) => !refuted(relation(grant, e))), ...newDenies];
        const lenientAnswer = uncoveredMemo(targetKey, [target.set], lenient);
        if (lenientAnswer.found === false || lenientAnswer.found === 'unknown' || answer.found === 'unknown') {
          const reasons = lenient
            .map((e) => ({ e, r: relation(grant, e) }))
            .filter(({ r }) => !r.holds)
            .map(({ e, r }) => `${e.name}: ${reasonOf(r)}`);
          const why = answer.found === 'unknown' || lenientAnswer.found === 'unknown' ? ['the resource patterns are too complex to compare'] : [];
          record({ ...base, kind: 'may widen', reason: [...why, ...reasons].slice(0, 3).join('; ') || 'cannot be proved' }, names);
          return;
        }
        // The shortest example may be the empty string (for `*`); a resource name reads better.
        const example =
          lenientAnswer.example === '' && baseAllows.length > 0
            ? uncovered([target.set, { kind: 'resource', globs: [nonEmpty] }], lenient.map((e) => e.resources), budget)
            : lenientAnswer;
        const exampleText = example.found === true && example.example !== '' ? ` on ${JSON.stringify(example.example)}` : '';
        // A base statement that names the resource but whose conditions or principal the new statement escapes.
        const escaped = baseAllows.find((e) => !relation(grant, e).holds && uncoveredMemo(targetKey, [target.set], [e]).found === false);
        const reason = escaped
          ? `${escaped.name} allows it, but ${reasonOf(relation(grant, escaped))}`
          : baseAllows.length === 0
            ? 'no base statement allows these actions'
            : `no base statement allows it${exampleText}`;
        record({ ...base, kind: 'new', reason }, names);
      });
    }
  }

  /**
   * The base denied part of the target and the new side's Denies no longer cover that part: returns how it is
   * reported, or undefined.
   */
  function removedDeny(target: ResourceSet, baseDenies: readonly Entry[], newDenies: readonly Entry[]): Pick<NewAccess, 'kind' | 'reason'> | undefined {
    for (const deny of baseDenies) {
      if (uncovered([target, deny.resources], [], budget).found === false) continue; // they do not meet
      const still = newDenies.filter((d) => relation(deny, d).holds);
      const gone = uncovered([target, deny.resources], still.map((d) => d.resources), budget);
      if (gone.found === false) continue;
      const unconditional = deny.conditions.length === 0 && !deny.ref.statement.principal && !deny.ref.statement.notPrincipal;
      return {
        kind: unconditional && gone.found === true ? 'new' : 'may widen',
        reason: `${deny.name} denied it and no Deny of the new policy covers it${gone.found === true && gone.example !== '' ? ` (e.g. on ${JSON.stringify(gone.example)})` : ''}`,
      };
    }
    return undefined;
  }

  const newAccess = [...findings.values()].map(({ access, actions }) => ({ ...access, actions: [...new Set(actions)].sort() }) as NewAccess);
  return { newAccess };
}

/** How many actions the findings name together. */
export function countActions(access: readonly NewAccess[]): number {
  return access.reduce((sum, a) => sum + a.actions.length, 0);
}

/**
 * The actions of a finding summarised by service, so `"*"` does not print 22,000 lines: a whole service as
 * `s3:*`, a few actions by name, many as a count.
 */
export function summariseActions(actions: readonly string[], catalog: Catalog, listUpTo = 5): string[] {
  const byService = new Map<string, string[]>();
  for (const name of actions) {
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? name : name.slice(0, colon);
    const list = byService.get(prefix);
    if (list) list.push(name);
    else byService.set(prefix, [name]);
  }
  const lines: string[] = [];
  for (const [prefix, names] of byService) {
    const service = catalog.findService(prefix);
    const total = service ? catalog.actionsOf(service).length : 0;
    if (total > 1 && names.length === total) lines.push(`${prefix}:* (all ${formatCount(total)} actions)`);
    else if (names.length <= listUpTo) lines.push(...names);
    else lines.push(`${prefix}: ${formatCount(names.length)} actions (${names.slice(0, 3).map((n) => n.slice(prefix.length + 1)).join(', ')}, …)`);
  }
  return lines;
}

/** `statement "Write" (#1)`, or `statement #1` without a Sid. */
export function statementLabel(access: NewAccess): string {
  return access.statement.sid ? `statement "${access.statement.sid}" (#${access.statement.index})` : `statement #${access.statement.index}`;
}

/** The resource of a finding in words: the pattern, or "every resource except ..." for NotResource. */
export function resourcePhrase(access: NewAccess): string {
  return access.notResource ? `every resource except ${access.notResource.join(', ')}` : access.resource;
}

/** The actions of a finding on one line: a few by name, or by service with counts (summariseActions). */
export function actionsPhrase(actions: readonly string[], catalog: Catalog): string {
  const total = catalog.info.counts.actions;
  if (actions.length >= total * 0.9) {
    const left = total - actions.length;
    return `${formatCount(actions.length)} actions (${left <= 0 ? 'every action' : `all but ${formatCount(left)}`} of the catalogue's ${formatCount(total)})`;
  }
  const lines = summariseActions(actions, catalog);
  if (lines.length <= 8) return lines.join(', ');
  return `${formatCount(actions.length)} actions in ${lines.length} services (${lines.slice(0, 4).join('; ')}; …)`;
}
