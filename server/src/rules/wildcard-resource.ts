import { MAX_ARN_LENGTH } from '../catalog/arn';
import { BoundedMemo } from '../catalog/memo';
import type { AccessLevel, Action, Catalog } from '../catalog/types';
import type { Statement, StringValue } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { delegationFacts } from './shared/roleDelegation';
import { everyActionOnEveryResource, isAllow, isBlanketAction, isEveryResource } from './shared/grants';
import { replaceWithStrings } from './shared/listReplacement';
import { narrowsFor } from './shared/narrowingConditions';
import { arnTemplate, neededResourceTypes } from './shared/neededResourceTypes';
import { coversEveryArn } from './shared/resourceScope';
import { defineRule, type Fix } from './types';
import { formatCount } from '../../../shared/formatCount';

/**
 * Access levels whose actions change things. Reads and lists on "*" are everyday (consoles, inventories, monitoring)
 * and are judged by data-exfiltration where the data matters; reporting them would bury the findings that count.
 */
const reportedLevels = new Set<AccessLevel>(['Write', 'Permissions management', 'Tagging']);

const reportables = new WeakMap<Catalog, Uint8Array>();

/**
 * 1 for each action (by id) this rule reports on "*", from the catalogue's facts: the reference lists resource types
 * for it, required or not (s3:PutObject lists its object types as optional, yet it is the textbook case for naming
 * resources); its access level changes things; and no rule of its own reports it (iam:PassRole and
 * iam:CreateServiceLinkedRole on "*": pass-role-*, create-slr-*). Built once per catalogue.
 */
function reportableActions(catalog: Catalog): Uint8Array {
  let reportable = reportables.get(catalog);
  if (!reportable) {
    const facts = catalog.actionFacts;
    reportable = new Uint8Array(catalog.actionCount);
    for (let id = 0; id < catalog.actionCount; id++) {
      if (facts.listed('resourceScoped', id) && reportedLevels.has(facts.accessLevel(id))) reportable[id] = 1;
    }
    for (const facts of Object.values(delegationFacts)) {
      const action = catalog.findAction(facts.action);
      if (action) reportable[action.id] = 0;
    }
    reportables.set(catalog, reportable);
  }
  return reportable;
}

/** More templates than this make a suggestion nobody would apply as is. */
const templateLimit = 12;

export default defineRule({
  id: 'wildcard-resource',
  severity: 'warning',
  scope: 'statement',
  summary: 'Resource "*" on write, tagging or permissions-management actions that support resource-level permissions.',
  policyTypes: ['identity'],
  fixable: 'suggestion',
  messages: {
    wildcardResource:
      'Resource "{resource}" lets {count} that could be limited to specific resources act on every resource ({examples}); name the resources {need}.',
    everyResourceOfType:
      'Resource "{resource}" names every {types}, so {count} on all of them ({examples}); name the resources {need}.',
  },
  check({ policy, statements, catalog, report }) {
    for (const statement of statements) {
      if (!isAllow(statement) || !statement.resource || everyActionOnEveryResource(statement)) continue;
      const granted = statementActions(statement, catalog);
      // Actions that only a whole-service wildcard brings in are wildcard-action's finding: narrow the actions first.
      const blanket = granted.isNotAction ? [] : granted.entries.filter((e) => isBlanketAction(e.value.value));
      const named = blanket.length === 0 ? undefined : new Set(granted.entries.filter((e) => !blanket.includes(e)).flatMap((e) => [...e.ids]));
      // Judged by the catalogue's facts, by id: the actions are built only where a type-wide ARN needs their types.
      const reportable = reportableActions(catalog);
      const scopedIds: number[] = [];
      for (const id of granted.ids) if (reportable[id] === 1 && (named === undefined || named.has(id))) scopedIds.push(id);
      if (scopedIds.length === 0) continue;
      let built: Action[] | undefined;
      const scoped = (): Action[] => (built ??= scopedIds.map((id) => catalog.actionById(id)));
      if (narrowsFor(statement, scoped, catalog)) continue;
      for (const value of statement.resource.values) {
        const finding = isEveryResource(value.value) ? { ids: scopedIds, types: undefined, formats: [] } : typeWide(value.value, scoped());
        if (!finding) continue;
        const reached = finding.ids;
        const examples = reached.slice(0, 3).map((id) => catalog.actionById(id).fullName).join(', ') + (reached.length > 3 ? ', ...' : '');
        const many = formatCount(reached.length);
        const count = reached.length === 1 ? '1 action' : `${many} actions`;
        const countActing = reached.length === 1 ? '1 action acts' : `${many} actions act`;
        const need = reached.length === 1 ? 'it needs' : 'they need';
        report({
          node: value.node,
          ...(finding.types === undefined
            ? { messageId: 'wildcardResource', data: { resource: value.value, count, examples, need } }
            : { messageId: 'everyResourceOfType', data: { resource: value.value, types: finding.types, count: countActing, examples, need } }),
          // A type-wide ARN is replaced by the templates of the types it names: the other values serve the other types.
          suggestions: () =>
            finding.types === undefined ? templates(policy.text, statement, value, granted.actions, catalog) : typeTemplates(policy.text, statement, value, finding.formats),
        });
      }
    }
  },
});

/**
 * For an ARN pattern that names every resource of a type (`arn:*:cloudtrail:*:*:trail/*` is every trail, in every
 * Region and account), the actions it lets act on every resource of that type and the types' names; undefined when
 * the pattern names resources, a path or a prefix (`trail/audit-*`), or concerns none of the actions.
 */
function typeWide(value: string, actions: readonly Action[]): { ids: number[]; types: string; formats: string[] } | undefined {
  if (!value.toLowerCase().startsWith('arn:')) return undefined;
  // A statement may hold the whole catalogue: judge each format once per value (the same values recur across
  // statements and documents), and only formats of the value's service.
  const fields = value.split(':');
  const service = fields[2] ?? '';
  const anyService = /[*?]/.test(service);
  const judged = judgedFormats.getOrCompute(value, () => new Map());
  const covers = (format: string): boolean => {
    let answer = judged.get(format);
    if (answer === undefined) {
      const facts = formatFacts(format);
      answer =
        (anyService || facts.service === service) &&
        !facts.singleton &&
        // coversEveryArn lets any Region and account through; for naming the types a value reaches, an empty field
        // in it still rules out a format that has one there (`arn:aws:s3:::*` is no access point's object).
        (fields[3] !== '' || facts.regionEmpty) &&
        (fields[4] !== '' || facts.accountEmpty) &&
        coversEveryArn(value, format);
      judged.set(format, answer);
    }
    return answer;
  };
  const types: string[] = [];
  const formats: string[] = [];
  const reached = actions.filter((action) => {
    let reaches = false;
    for (const row of action.resourceTypes) {
      if (createsType(action, row.resourceType.name) || !covers(row.resourceType.arn)) continue;
      reaches = true;
      if (!types.includes(row.resourceType.name)) types.push(row.resourceType.name);
      if (!formats.includes(row.resourceType.arn)) formats.push(row.resourceType.arn);
    }
    return reaches;
  });
  return reached.length === 0 ? undefined : { ids: reached.map((action) => action.id), types: typeNames(types), formats };
}

/**
 * A Create action on the type it creates (`iam:CreateVirtualMFADevice` on `mfa`, `ec2:CreateSnapshot` on `snapshot`):
 * the caller picks the new resource's name, so a type-wide ARN is how AWS's own policies grant it (the MFA
 * self-service policy writes `arn:aws:iam::*:mfa/*`). The parent types it needs (`vpc` for a security group) still count.
 */
function createsType(action: Action, typeName: string): boolean {
  if (!action.name.startsWith('Create')) return false;
  const type = squashedName(typeName);
  return type.length > 0 && action.name.toLowerCase().includes(type);
}

// A resource type's name without case or punctuation, kept per name (the catalogue's few thousand types).
const squashedNames = new Map<string, string>();

function squashedName(typeName: string): string {
  let squashed = squashedNames.get(typeName);
  if (squashed === undefined) {
    squashed = typeName.toLowerCase().replace(/[^a-z0-9]/g, '');
    squashedNames.set(typeName, squashed);
  }
  return squashed;
}

/** Judgements of (value, format), by value; bounded by the values' length (known failure K5). */
const judgedFormats = new BoundedMemo<Map<string, boolean>>({ maxEntries: 5_000, maxKeyChars: 1_000_000, maxKeyLength: MAX_ARN_LENGTH });

interface FormatFacts {
  readonly service: string;
  /**
   * A type with one resource per account and Region (`arn:${Partition}:sts::${Account}:self`): nothing to name
   * beyond the account, which does not narrow here either.
   */
  readonly singleton: boolean;
  readonly regionEmpty: boolean;
  readonly accountEmpty: boolean;
}

/** Read once per ARN format of the catalogue (so bounded by it). */
const formatFactsMemo = new Map<string, FormatFacts>();
function formatFacts(arnFormat: string): FormatFacts {
  let facts = formatFactsMemo.get(arnFormat);
  if (!facts) {
    const fields = arnFormat.split(':');
    facts = { service: fields[2] ?? '', singleton: !fields.slice(5).join(':').includes('${'), regionEmpty: fields[3] === '', accountEmpty: fields[4] === '' };
    formatFactsMemo.set(arnFormat, facts);
  }
  return facts;
}

/** `trail`, `bucket and object`, `role, user and group`. */
function typeNames(types: readonly string[]): string {
  return types.length === 1 ? types[0]! : `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;
}

/** Replace a type-wide ARN with the ARN formats of the types it names, placeholders to fill in. */
function typeTemplates(text: string, statement: Statement, value: StringValue, formats: readonly string[]): Fix[] {
  return replacedByTemplates(text, statement, value, formats, `Replace "${value.value}" with the ARN template of the resources it names (fill in each \${...})`);
}

/**
 * Replace the wildcard with the ARN formats of the resource types the actions need, most likely first
 * (neededResourceTypes.ts), partition `aws`, other fields left as `${Placeholder}` for the user to fill in. Only
 * offered when every action of the statement supports resource-level permissions: the others need "*" and would stop
 * working.
 */
function templates(text: string, statement: Statement, star: StringValue, actions: readonly Action[], catalog: Catalog): Fix[] {
  if (actions.length === 0 || actions.some((a) => a.resourceTypes.length === 0)) return [];
  const formats = neededResourceTypes(actions, catalog).map((type) => type.resourceType.arn);
  return replacedByTemplates(text, statement, star, formats, `Replace "${star.value}" with the ARN templates of these actions' resources (fill in each \${...})`);
}

/** The value replaced by the formats as templates, less those the Resource already lists; none past the limit. */
function replacedByTemplates(text: string, statement: Statement, value: StringValue, formats: readonly string[], title: string): Fix[] {
  const written = [...new Set(formats.map(arnTemplate))];
  if (written.length > templateLimit) return [];
  const others = new Set((statement.resource?.values ?? []).map((v) => v.value));
  const edit = replaceWithStrings(text, value.node, written.filter((f) => !others.has(f)));
  return edit ? [{ title, edits: [edit], placeholders: true }] : [];
}
