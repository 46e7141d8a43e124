import { hasPlaceholder } from '../policy/placeholders';
import type { Action, Catalog } from '../catalog/types';
import { MAX_ARN_LENGTH, displayFormat, resourcePattern } from '../catalog/arn';
import { BoundedMemo } from '../catalog/memo';
import { extraResourceTypes } from './shared/allResourceTypes';
import type { PolicyModel, Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { isPattern, splitArnFields, type ResourceArn } from './shared/arnFields';
import { arnFormatIndex, formatsMatching, formatsOfService, type ArnFormat, type ArnFormatIndex } from './shared/arnFormats';
import { appendEntry } from './shared/listEdits';
import { arnPolicyTypes, resourceValuesIn } from './shared/resourceValues';
import { defineRule, type Fix, type PolicyType } from './types';
import { withIndefiniteArticle } from '../../../shared/indefiniteArticle';

type MessageId = 'mismatch' | 'patternMismatch';

/** How many resource types or action groups a message names before it says "and N more". */
const LIST_LIMIT = 3;
const SUGGESTION_LIMIT = 3;

export default defineRule<MessageId>({
  id: 'resource-mismatch',
  severity: 'warning',
  scope: 'statement',
  summary: 'No resource of the statement is of a type some action in it acts on (`s3:GetObject` on `arn:aws:s3:::bucket`).',
  // Role trust policies have no Resource (role-trust-policy-syntax-error-resource).
  policyTypes: arnPolicyTypes,
  fixable: 'suggestion',
  messages: {
    mismatch: '{action} acts on {types}; none of the resources here is {kind}.',
    patternMismatch: '{action} stands for {count} and {none} on the resources here: {groups}.',
  },
  check({ policy, statements, policyType, catalog, report }) {
    for (const statement of statements) {
      const arns = judgeableResources(statements, policyType, statement);
      if (!arns) continue;
      // Built on first use (~20 ms): a policy naming no ARN never asks.
      const reachable = formatsReached(arnFormatIndex(catalog), arns);
      const extras = extraTypesReached(catalog, reachable);
      // An action the reference lists no resource type for is not judged: the data says "*" only, but several
      // services authorize such calls against an ARN too, and AWS's own policies scope them so (Parliament's
      // RESOURCE_MISMATCH noise comes mostly from these). Judged by id: the actions are built only to be reported.
      const applies = (id: number): boolean => {
        const types = catalog.resourceTypeArnsOf(id);
        if (types.length === 0) return true;
        for (const arn of types) if (reachable.has(arn)) return true;
        for (const actionIds of extras) if (actionIds.has(id)) return true;
        return false;
      };
      for (const entry of statementActions(statement, catalog).entries) {
        if (entry.ids.length === 0 || entry.ids.some(applies)) continue;
        const { value, node } = entry.value;
        const suggestions = suggestionsFor(policy, statement, arns, entry.actions, catalog);
        if (entry.actions.length === 1 && !isPattern(value)) {
          const types = typesToName(entry.actions[0]!);
          report({ node, messageId: 'mismatch', data: { action: value, types: describeTypes(types), kind: kindOf(types) }, suggestions });
        } else {
          report({
            node,
            messageId: 'patternMismatch',
            data: {
              action: value,
              count: entry.actions.length === 1 ? '1 action' : `${entry.actions.length} actions`,
              none: entry.actions.length === 1 ? 'it does not act' : 'none of them acts',
              groups: describeGroups(entry.actions),
            },
            suggestions,
          });
        }
      }
    }
  },
});

const extraActionIds = new WeakMap<Catalog, readonly { readonly arn: string; readonly ids: ReadonlySet<number> }[]>();

/**
 * The ids of the actions each documented extra format (data/extra-arn-formats.json) lets act on, for the formats the
 * statement's resources reach.
 */
function extraTypesReached(catalog: Catalog, reachable: ReadonlySet<string>): ReadonlySet<number>[] {
  let extras = extraActionIds.get(catalog);
  if (!extras) {
    extras = extraResourceTypes().map((extra) => ({
      arn: extra.arn,
      ids: new Set(extra.actions.flatMap((name) => catalog.findAction(name)?.id ?? [])),
    }));
    extraActionIds.set(catalog, extras);
  }
  return extras.filter((extra) => reachable.has(extra.arn)).map((extra) => extra.ids);
}

/**
 * The statement's Resource ARNs, when every one can be judged. A `*`, a NotResource (it names what is excluded,
 * not what the actions act on), NotAction, and values other rules already reject (no `arn:` prefix, missing
 * fields, a service shorthand) make the statement unjudgeable: the point of this rule is to never guess.
 */
function judgeableResources(statements: readonly Statement[], policyType: PolicyType, statement: Statement): ResourceArn[] | undefined {
  if (!statement.action || !statement.resource || statement.notResource || statement.resource.invalid.length) return undefined;
  const arns: ResourceArn[] = [];
  for (const value of resourceValuesIn(statements, statement, policyType)) {
    if (value.element !== statement.resource) continue;
    if (value.shape.kind !== 'arn') return undefined;
    arns.push(value.shape.arn);
  }
  return arns.length ? arns : undefined;
}

/**
 * Resource types (by their ARN text in the catalogue) that some resource of the statement can name. `*`, `?` and
 * variables count as "could"; formats with a placeholder service (AWS Backup recovery points) are tried for every ARN.
 */
function formatsReached(index: ArnFormatIndex, arns: readonly ResourceArn[]): ReadonlySet<string> {
  // One ARN (the common case) answers from its memoised set; several are joined into a set of the statement's own.
  if (arns.length === 1) return sourcesReachedBy(index, arns[0]!);
  const reached = new Set<string>();
  for (const arn of arns) for (const source of sourcesReachedBy(index, arn)) reached.add(source);
  return reached;
}

const reachMemo = new WeakMap<ArnFormatIndex, BoundedMemo<ReadonlySet<string>>>();

/** The resource types one ARN can name, memoised by its text (the same ARNs recur across statements and documents). */
function sourcesReachedBy(index: ArnFormatIndex, arn: ResourceArn): ReadonlySet<string> {
  let memo = reachMemo.get(index);
  if (!memo) {
    memo = new BoundedMemo({ maxEntries: 20_000, maxKeyChars: 2_000_000, maxKeyLength: MAX_ARN_LENGTH });
    reachMemo.set(index, memo);
  }
  return memo.getOrCompute(arn.value, () => {
    const value = resourcePattern(arn.value);
    const reached = new Set<string>();
    const add = (formats: readonly ArnFormat[]): void => {
      for (const format of formatsMatching(value, formats)) for (const source of format.sources) reached.add(source);
    };
    if (isPattern(arn.service.text)) {
      add(allFormats(index));
    } else {
      // The service's formats and those with a placeholder service are matched as two lists, each compiled once (the
      // ARN rules ask about the service's own list too), not as one more list per service.
      const own = formatsOfService(index, arn.service.text);
      if (own) add(own);
      add(index.anyService);
    }
    return reached;
  });
}

const allFormatLists = new WeakMap<ArnFormatIndex, readonly ArnFormat[]>();
function allFormats(index: ArnFormatIndex): readonly ArnFormat[] {
  let all = allFormatLists.get(index);
  if (!all) {
    all = [...index.byService.values()].flat().concat(index.anyService);
    allFormatLists.set(index, all);
  }
  return all;
}

interface NamedType {
  readonly name: string;
  readonly arn: string;
}

/** The resource types worth naming: the required ones when the reference marks some, else all. */
function typesToName(action: Action): NamedType[] {
  const rows = action.resourceTypes.some((r) => r.required) ? action.resourceTypes.filter((r) => r.required) : action.resourceTypes;
  const seen = new Set<string>();
  return rows
    .map((r) => ({ name: r.resourceType.name, arn: r.resourceType.arn }))
    .filter((t) => !seen.has(t.arn) && seen.add(t.arn));
}

function describeTypes(types: readonly NamedType[]): string {
  const shown = types.slice(0, LIST_LIMIT).map((t) => `${t.name} resources (${displayFormat(t.arn)})`);
  const more = types.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more resource types` : joinOr(shown);
}

function kindOf(types: readonly NamedType[]): string {
  if (types.length !== 1) return 'an ARN of those types';
  const name = types[0]!.name;
  return `${withIndefiniteArticle(name)} ARN`;
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The actions of a pattern grouped by what they act on: `s3:GetObject, s3:PutObject and 3 more act on object (...)`. */
function describeGroups(actions: readonly Action[]): string {
  const groups = new Map<string, { label: string; actions: string[] }>();
  for (const action of actions) {
    const types = typesToName(action);
    const key = types.map((t) => t.arn).join(' ');
    const label = `on ${types.slice(0, LIST_LIMIT).map((t) => `${t.name} (${displayFormat(t.arn)})`).join(', ')}`;
    const group = groups.get(key) ?? { label, actions: [] };
    group.actions.push(action.fullName);
    groups.set(key, group);
  }
  const ordered = [...groups.values()].sort((a, b) => b.actions.length - a.actions.length);
  const shown = ordered.slice(0, LIST_LIMIT).map((g) => {
    const names = g.actions.length > 2 ? `${g.actions.slice(0, 2).join(', ')} and ${g.actions.length - 2} more` : g.actions.join(' and ');
    return `${names} ${g.actions.length === 1 ? 'acts' : 'act'} ${g.label}`;
  });
  const more = ordered.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more groups` : shown.join('; ');
}

/**
 * Resources to add so the action applies (they widen the grant, so these are suggestions, never fixes): an existing
 * ARN with `/*` when that names the needed type (bucket -> its objects), otherwise the type's ARN template, with the
 * partition, Region and account taken from a resource of the same service where there is one.
 */
function suggestionsFor(policy: PolicyModel, statement: Statement, arns: readonly ResourceArn[], actions: readonly Action[], catalog: Catalog): Fix[] {
  const element = statement.resource!;
  const types = new Map<string, NamedType>();
  for (const action of actions) for (const t of typesToName(action)) types.set(t.arn, t);
  // Children of the user's own ARNs first: they are what was most likely meant.
  const children: string[] = [];
  const templates: string[] = [];
  for (const type of types.values()) {
    const child = arns.map((arn) => `${arn.value.replace(/\/?\*?$/, '')}/*`).find((candidate) => catalog.matchArn(candidate, type.arn));
    (child ? children : templates).push(child ?? template(type.arn, arns));
  }
  const additions = [...new Set([...children, ...templates])].filter((a) => !arns.some((arn) => arn.value === a)).slice(0, SUGGESTION_LIMIT);
  const fixes: Fix[] = [];
  for (const addition of additions) {
    const edit = appendEntry(policy.text, element, addition);
    if (edit) fixes.push({ title: `Add the resource ${addition}`, edits: [edit], ...(hasPlaceholder(addition) ? { placeholders: true as const } : {}) });
  }
  return fixes;
}

/** `arn:${Partition}:sqs:${Region}:${Account}:${QueueName}` with the fields a resource of the same service gives. */
function template(format: string, arns: readonly ResourceArn[]): string {
  const fields = splitArnFields(format);
  if (fields.length < 6) return format;
  const service = fields[2]!.text;
  const same = arns.find((a) => a.service.text.toLowerCase() === service.toLowerCase());
  const partition = (same ?? arns[0])?.partition.text ?? 'aws';
  // An empty field of the other resource says nothing about this format's Region or account.
  const fill = (field: string, mine: string | undefined): string => (field.startsWith('${') && mine ? mine : field);
  return ['arn', partition, service, fill(fields[3]!.text, same?.region.text), fill(fields[4]!.text, same?.account.text), fields[5]!.text].join(':');
}
