/**
 * Hover on a Resource / NotResource value: which resource type it matches and for which of the statement's
 * actions, or why it matches none (the actions support only `*`, the ARN names another service, or its shape fits
 * none of the formats the actions take).
 */
import type { Action, Catalog, ResourceType } from '../../catalog/types';
import type { Statement } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import { displayFormat } from '../../catalog/arn';
import { code, plural } from '../markdown';
import { indefiniteArticle } from '../../../../shared/indefiniteArticle';

/** Beyond this many actions (`*`, NotAction) the hover identifies the resource by its own service instead. */
const maxActionsForTypes = 1000;
const listed = 6;

interface TypeUse {
  readonly resourceType: ResourceType;
  readonly actions: Action[];
}

export function resourceHover(value: string, statement: Statement, excluded: boolean, catalog: Catalog): string {
  const lead = excluded ? '**NotResource**: the statement applies to every resource except what this matches.\n\n' : '';
  return lead + describe(value, statement, catalog);
}

function describe(value: string, statement: Statement, catalog: Catalog): string {
  const { actions, isNotAction } = statementActions(statement, catalog);
  if (value === '*') {
    const count = isNotAction
      ? 'every action the statement covers'
      : actions.length === 1
        ? "the statement's one action"
        : `all ${plural(actions.length, 'action')} of the statement`;
    return `${code('*')}: every resource, for ${count}.`;
  }
  if (!value.toLowerCase().startsWith('arn:')) {
    return `${code(value)} is not an ARN. A Resource is \`*\` or an ARN: \`arn:partition:service:region:account:resource\`.`;
  }
  if (actions.length === 0 || isNotAction || actions.length > maxActionsForTypes) {
    const guess = guessType(value, catalog);
    const why = actions.length === 0 ? 'The statement names no known action yet.' : 'The statement covers too many actions to list by type.';
    return guess ? `${why} By its shape this is ${guess}.` : why;
  }
  const uses = typeUses(actions, catalog);
  const matching = [...uses.values()].filter((use) => catalog.matchArn(value, use.resourceType.arn));
  if (matching.length > 0) return describeMatches(matching, actions);
  return explainNoMatch(value, actions, uses, catalog);
}

function describeMatches(matching: readonly TypeUse[], actions: readonly Action[]): string {
  const covered = new Set(matching.flatMap((use) => use.actions));
  const lines = matching.map((use) => {
    const names = use.actions.slice(0, listed).map((a) => code(a.fullName));
    const more = use.actions.length > listed ? `, and ${use.actions.length - listed} more` : '';
    const share =
      use.actions.length < actions.length
        ? `${use.actions.length} of the statement's ${plural(actions.length, 'action')}`
        : actions.length === 1
          ? "the statement's one action"
          : `all ${actions.length} actions of the statement`;
    return `Matches resource type **${use.resourceType.name}** (${code(displayFormat(use.resourceType.arn))}) for ${share}: ${names.join(', ')}${more}.`;
  });
  const others = actions.filter((a) => !covered.has(a));
  if (others.length > 0) {
    const names = others.slice(0, listed).map((a) => `${code(a.fullName)} (${takes(a)})`);
    const more = others.length > listed ? `, and ${others.length - listed} more` : '';
    lines.push(`Not for: ${names.join(', ')}${more}.`);
  }
  return lines.join('\n\n');
}

function explainNoMatch(value: string, actions: readonly Action[], uses: ReadonlyMap<string, TypeUse>, catalog: Catalog): string {
  const guess = guessType(value, catalog);
  const shape = guess ? ` By its shape it is ${guess}.` : '';
  if (uses.size === 0) {
    return `Matches nothing the statement's actions can be limited to: none of them supports resource-level permissions, so they need \`"Resource": "*"\`.${shape}`;
  }
  const service = serviceField(value);
  const services = [...new Set(actions.map((a) => a.service.prefix))];
  if (service !== undefined && !services.includes(service)) {
    return `This ARN names the service ${code(service)}, but the statement's actions are in ${services.map(code).join(', ')}: it matches none of their resource types.${shape}`;
  }
  const formats = [...uses.values()].slice(0, listed).map((use) => `**${use.resourceType.name}** ${code(displayFormat(use.resourceType.arn))}`);
  const more = uses.size > listed ? `, and ${uses.size - listed} more` : '';
  return `Matches none of the resource types the statement's actions take: ${formats.join(', ')}${more}.${shape}`;
}

/** What an action can be limited to, in a few words. */
function takes(action: Action): string {
  if (action.resourceTypes.length === 0) return 'supports only `*`';
  return `takes ${action.resourceTypes.map((row) => row.resourceType.name).join(', ')}`;
}

function typeUses(actions: readonly Action[], catalog: Catalog): Map<string, TypeUse> {
  const uses = new Map<string, TypeUse>();
  for (const action of actions) {
    for (const row of catalog.resourceTypesOf(action)) {
      let use = uses.get(row.resourceType.arn);
      if (!use) uses.set(row.resourceType.arn, (use = { resourceType: row.resourceType, actions: [] }));
      use.actions.push(action);
    }
  }
  return uses;
}

/** "a **bucket** of Amazon S3", from the ARN's own service field, when some format of that service fits. */
function guessType(value: string, catalog: Catalog): string | undefined {
  const prefix = serviceField(value);
  const service = prefix === undefined ? undefined : catalog.findService(prefix);
  if (!service) return undefined;
  const seen = new Set<string>();
  for (const action of catalog.actionsOf(service)) {
    for (const row of action.resourceTypes) {
      const format = row.resourceType.arn;
      if (seen.has(format)) continue;
      seen.add(format);
      if (catalog.matchArn(value, format)) return `${indefiniteArticle(row.resourceType.name)} **${row.resourceType.name}** of ${service.name} (${code(displayFormat(format))})`;
    }
  }
  return undefined;
}

function serviceField(arn: string): string | undefined {
  const fields = arn.split(':');
  return fields.length >= 3 && !/[*?$]/.test(fields[2]!) && fields[2] !== '' ? fields[2]!.toLowerCase() : undefined;
}
