/**
 * What each statement of a policy grants or denies, in actions: wildcards expanded against the catalogue, grouped by
 * service and access level. Serves the "Show the actions this policy allows" command (a read-only document) and
 * could serve a tree view; Resource and Condition are shown as written, not evaluated.
 */
import type { Position } from 'vscode-languageserver-types';
import type { AccessLevel, Action, Catalog } from '../catalog/types';
import type { PolicyModel, Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { accessLevelRank, compareText } from './accessLevels';
import { toSpan } from './ranges';

export interface LevelGrants {
  readonly level: AccessLevel;
  /** Full action names, sorted. */
  readonly actions: readonly string[];
}

export interface ServiceGrants {
  readonly prefix: string;
  readonly name: string;
  readonly count: number;
  /** In the order AWS lists access levels; levels without actions are left out. */
  readonly levels: readonly LevelGrants[];
}

export interface StatementGrants {
  /** Position in the Statement array, from 0. */
  readonly index: number;
  readonly sid?: string;
  /** As written; undefined when missing or not a string. */
  readonly effect?: string;
  /**
   * True for NotAction: `services` then lists the actions the statement leaves out, and `count` is how many
   * actions of the catalogue it covers (all the others).
   */
  readonly notAction: boolean;
  /** Actions covered: for Action the listed ones, for NotAction every other action in the catalogue. */
  readonly count: number;
  readonly services: readonly ServiceGrants[];
  /** Action strings that match nothing in the catalogue (unknown service or action, or a typo). */
  readonly unmatched: readonly string[];
  /** Resource or NotResource strings as written, with which of the two it is. */
  readonly resources: { readonly not: boolean; readonly values: readonly string[] } | undefined;
  /** Condition operators as written (`StringEquals`, `Bool`...), to flag that the grant is conditional. */
  readonly conditionOperators: readonly string[];
}

export interface PolicyGrants {
  readonly statements: readonly StatementGrants[];
  /** Distinct actions that Allow statements with Action list (before any Deny, Resource or Condition is applied). */
  readonly allowedCount: number;
  readonly dataVersion: string;
  readonly dataDate: string;
}

function groupByService(actions: readonly Action[]): ServiceGrants[] {
  const services = new Map<string, { name: string; actions: Action[] }>();
  for (const action of actions) {
    const entry = services.get(action.service.prefix) ?? { name: action.service.name, actions: [] };
    entry.actions.push(action);
    services.set(action.service.prefix, entry);
  }
  return [...services]
    .sort(([a], [b]) => compareText(a, b))
    .map(([prefix, { name, actions: list }]) => {
      const levels = new Map<AccessLevel, string[]>();
      for (const action of list) levels.set(action.accessLevel, [...(levels.get(action.accessLevel) ?? []), action.fullName]);
      return {
        prefix,
        name,
        count: list.length,
        levels: [...levels]
          .sort(([a], [b]) => accessLevelRank(a) - accessLevelRank(b))
          .map(([level, names]) => ({ level, actions: names.sort(compareText) })),
      };
    });
}

function statementGrants(statement: Statement, catalog: Catalog): StatementGrants {
  const expanded = statementActions(statement, catalog);
  const listed = [...new Set(expanded.entries.flatMap((e) => e.actions))];
  const resourceElement = statement.resource ?? statement.notResource;
  return {
    index: statement.index,
    sid: statement.sid?.value,
    effect: statement.effect?.value,
    notAction: expanded.isNotAction,
    count: expanded.isNotAction ? expanded.actions.length : listed.length,
    services: groupByService(listed),
    unmatched: expanded.entries.filter((e) => e.actions.length === 0).map((e) => e.value.value),
    resources: resourceElement && { not: !statement.resource, values: resourceElement.values.map((v) => v.value) },
    conditionOperators: statement.condition?.operators.map((o) => o.operator) ?? [],
  };
}

/** Every statement, or only the one at `position` when it is inside a statement. */
export function describeGrants(model: PolicyModel, catalog: Catalog, position?: Position): PolicyGrants {
  let statements = model.statements;
  if (position) {
    const { offset } = toSpan(model.document, { start: position, end: position });
    const at = statements.filter((s) => offset >= s.node.offset && offset <= s.node.offset + s.node.length);
    if (at.length > 0) statements = at;
  }
  const grants = statements.map((s) => statementGrants(s, catalog));
  const allowed = new Set<string>();
  for (const statement of statements) {
    if (statement.effect?.value !== 'Allow' || !statement.action) continue;
    for (const action of statementActions(statement, catalog).actions) allowed.add(action.fullName);
  }
  return { statements: grants, allowedCount: allowed.size, dataVersion: catalog.info.dataVersion, dataDate: catalog.info.dataDate };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function statementHeading(grants: StatementGrants): string {
  const name = grants.sid ? `"${grants.sid}"` : `${grants.index + 1}`;
  const effect = grants.effect ?? 'no Effect';
  const what = grants.notAction ? `every action except the ${plural(grants.services.reduce((n, s) => n + s.count, 0), 'action')} below (${grants.count} in all)` : plural(grants.count, 'action');
  return `## Statement ${name}: ${effect} ${what}`;
}

/** The listing as Markdown, for a read-only document. `title` names the policy (its file name). */
export function renderGrants(grants: PolicyGrants, title: string): string {
  const lines = [
    `# Actions in ${title}`,
    '',
    `Wildcards expanded against the IAM data of ${grants.dataDate.slice(0, 10)} (version ${grants.dataVersion}); a wildcard also matches actions AWS adds later.`,
    'Resource and Condition are shown as written; whether they match a request is not evaluated here.',
    '',
  ];
  if (grants.statements.length > 1) {
    lines.push(`Allow statements list ${plural(grants.allowedCount, 'distinct action')} (before Deny statements, resources and conditions).`, '');
  }
  if (grants.statements.length === 0) lines.push('The policy has no statements.');
  for (const statement of grants.statements) {
    lines.push(statementHeading(statement), '');
    if (statement.resources) {
      const label = statement.resources.not ? 'NotResource' : 'Resource';
      lines.push(`${label}: ${statement.resources.values.map((v) => `\`${v}\``).join(', ') || '(none)'}`);
    }
    if (statement.conditionOperators.length > 0) lines.push(`Condition: ${statement.conditionOperators.map((o) => `\`${o}\``).join(', ')}`);
    if (statement.unmatched.length > 0) lines.push(`Not in the IAM data: ${statement.unmatched.map((v) => `\`${v}\``).join(', ')}`);
    lines.push('');
    for (const service of statement.services) {
      lines.push(`### ${service.prefix}: ${service.name} (${service.count})`, '');
      for (const level of service.levels) {
        lines.push(`- **${level.level}** (${level.actions.length})`);
        for (const action of level.actions) lines.push(`  - ${action}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** What the `iamPolicy/grants` request answers: the listing for the read-only document, and the data behind it. */
export interface GrantsListing {
  readonly text: string;
  readonly grants: PolicyGrants;
}

export function grantsListing(model: PolicyModel, catalog: Catalog, position?: Position): GrantsListing {
  const grants = describeGrants(model, catalog, position);
  const uri = model.document.uri;
  let name = uri.slice(uri.lastIndexOf('/') + 1) || uri;
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded form
  }
  return { text: renderGrants(grants, name), grants };
}
