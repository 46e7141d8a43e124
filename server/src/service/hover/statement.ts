/**
 * One line that says what a statement grants, for the hover on its Effect:
 * "Allows 42 actions in 2 services (3 Permissions management, 11 Write, 28 Read/List) on 2 resource types".
 */
import type { AccessLevel, Action, Catalog, ResourceType } from '../../catalog/types';
import type { PrincipalElement, Statement } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import { countByLevel } from '../levels';
import { plural } from '../markdown';
import { formatCount } from '../../../../shared/formatCount';

/** Read and List are reported together, as in the IAM console's policy summaries. */
const levelGroup: Record<AccessLevel, string> = {
  'Permissions management': 'Permissions management',
  Write: 'Write',
  Tagging: 'Tagging',
  Read: 'Read/List',
  List: 'Read/List',
};

export function statementSummary(statement: Statement, catalog: Catalog): string {
  const effect = statement.effect?.value;
  const verb = effect === 'Allow' ? 'Allows' : effect === 'Deny' ? 'Denies' : 'Covers';
  const { actions, entries, isNotAction } = statementActions(statement, catalog);
  const parts = [verb];
  if (isNotAction) parts.push(`every action except ${plural(entries.length, 'pattern')}:`);
  if (!statement.action && !statement.notAction) {
    parts.push('no action (the statement has no Action)');
  } else {
    parts.push(`${plural(actions.length, 'action')} in ${plural(new Set(actions.map((a) => a.service)).size, 'service')}${levels(actions)}`);
  }
  const resources = resourcePhrase(statement, actions, catalog);
  if (resources) parts.push(resources);
  const principal = principalPhrase(statement.principal, false) ?? principalPhrase(statement.notPrincipal, true);
  if (principal) parts.push(principal);
  const conditions = statement.condition?.operators.reduce((sum, o) => sum + o.keys.length, 0) ?? 0;
  if (conditions > 0) parts.push(`when ${plural(conditions, 'condition')} hold${conditions === 1 ? 's' : ''}`);
  return parts.join(' ');
}

function levels(actions: readonly Action[]): string {
  if (actions.length === 0) return '';
  const grouped = new Map<string, number>();
  for (const [level, count] of countByLevel(actions)) {
    const group = levelGroup[level];
    grouped.set(group, (grouped.get(group) ?? 0) + count);
  }
  return ` (${[...grouped].map(([group, count]) => `${formatCount(count)} ${group}`).join(', ')})`;
}

function resourcePhrase(statement: Statement, actions: readonly Action[], catalog: Catalog): string | undefined {
  if (statement.notResource) return `on every resource except ${plural(statement.notResource.values.length, 'listed ARN')}`;
  const resource = statement.resource;
  if (!resource) return undefined;
  if (resource.values.some((v) => v.value === '*')) return 'on all resources';
  const types = new Set<ResourceType>();
  const formats = new Map<string, ResourceType>();
  for (const action of actions.length <= 5000 ? actions : []) {
    for (const row of catalog.resourceTypesOf(action)) formats.set(row.resourceType.arn, row.resourceType);
  }
  for (const [format, resourceType] of formats) {
    if (resource.values.some((v) => catalog.matchArn(v.value, format))) types.add(resourceType);
  }
  if (types.size > 0) return `on ${plural(types.size, 'resource type')}`;
  const count = resource.values.length;
  if (actions.length === 0) return `on ${plural(count, 'resource')}`;
  return `on ${plural(count, 'resource')} that ${count === 1 ? 'matches' : 'match'} no resource type of these actions`;
}

function principalPhrase(principal: PrincipalElement | undefined, excluded: boolean): string | undefined {
  if (!principal) return undefined;
  if (principal.wildcard?.value === '*' || principal.entries.some((e) => e.values.some((v) => v.value === '*'))) {
    return excluded ? 'to nobody (NotPrincipal "*")' : 'to everyone';
  }
  const count = principal.entries.reduce((sum, e) => sum + e.values.length, 0);
  return excluded ? `to everyone except ${plural(count, 'principal')}` : `to ${plural(count, 'principal')}`;
}
