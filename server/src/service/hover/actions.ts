/**
 * Hover on an Action / NotAction value: for an action, its description, access level, resource types (required or
 * not, with ARN formats), condition keys, dependent actions when the data has any, and its Service Authorization
 * Reference page; for a wildcard, how many actions it matches, by access level, with the first of each.
 */
import { displayFormat } from '../../catalog/arn';
import type { Action, Catalog, Service } from '../../catalog/types';
import { hasWildcard } from '../../catalog';
import { countByLevel } from '../levels';
import { code, plural, serviceReferenceLink } from '../markdown';
import { formatCount } from '../../../../shared/formatCount';
import { actionsForOperation } from '../../rules/shared/operationActions';

const keysListed = 20;
const actionsPerLevel = 5;

export function actionHover(value: string, catalog: Catalog): string {
  if (hasWildcard(value)) return wildcardHover(value, catalog);
  const action = catalog.findAction(value);
  if (action) return describeAction(action);
  const colon = value.indexOf(':');
  const service = colon > 0 ? catalog.findService(value.slice(0, colon)) : undefined;
  if (service) {
    const name = value.slice(colon + 1);
    const authorizing = actionsForOperation(service.prefix, name);
    const operation = authorizing ? ` AWS authorizes the ${code(name)} operation with ${authorizing.map(code).join(' and ')}.` : '';
    return `${code(value)}: ${service.name} has no action named ${code(name)} (IAM data ${catalog.info.dataVersion}).${operation}\n\n${serviceReferenceLink(service)}`;
  }
  if (colon > 0) return `${code(value)}: no service has the prefix ${code(value.slice(0, colon))}.`;
  return `${code(value)}: an action is written \`service:ActionName\`.`;
}

function describeAction(action: Action): string {
  const parts = [`**${action.fullName}** · ${action.accessLevel}`, action.description];
  if (action.resourceTypes.length === 0) {
    parts.push('Resource types: none. The action supports only `"Resource": "*"`.');
  } else {
    const rows = action.resourceTypes.map((row) => `| ${row.resourceType.name} | ${row.required ? 'yes' : 'no'} | ${code(displayFormat(row.resourceType.arn))} |`);
    parts.push(['| Resource type | Required | ARN format |', '|---|---|---|', ...rows].join('\n'));
  }
  const keys = [...new Set([...action.conditionKeys, ...action.resourceTypes.flatMap((row) => [...row.conditionKeys, ...row.resourceType.conditionKeys])])];
  if (keys.length > 0) {
    const shown = keys.slice(0, keysListed).map((key) => code(displayFormat(key))).join(', ');
    const more = keys.length > keysListed ? `, and ${keys.length - keysListed} more` : '';
    parts.push(`Condition keys: ${shown}${more} (global \`aws:\` keys apply too).`);
  }
  // The data has no dependent actions today; say nothing rather than "none" when it is silent.
  if (action.dependentActions.length > 0) parts.push(`Dependent actions: ${action.dependentActions.map(code).join(', ')}.`);
  parts.push(serviceReferenceLink(action.service));
  return parts.join('\n\n');
}

function wildcardHover(pattern: string, catalog: Catalog): string {
  const matched = catalog.expandAction(pattern);
  if (matched.length === 0) {
    const colon = pattern.indexOf(':');
    const servicePart = colon > 0 ? pattern.slice(0, colon) : '';
    const unknownService = servicePart !== '' && !hasWildcard(servicePart) && !catalog.findService(servicePart);
    return unknownService
      ? `${code(pattern)} matches no action: no service has the prefix ${code(servicePart)}.`
      : `${code(pattern)} matches no action in IAM data ${catalog.info.dataVersion}.`;
  }
  const services = new Set<Service>(matched.map((a) => a.service));
  const summary = countByLevel(matched)
    .map(([level, count]) => `${formatCount(count)} ${level}`)
    .join(', ');
  const inServices = services.size > 1 ? ` in ${plural(services.size, 'service')}` : '';
  const parts = [`${code(pattern)} matches **${plural(matched.length, 'action')}**${inServices} (${summary}), and any action AWS adds later that fits.`];
  for (const [level] of countByLevel(matched)) {
    const ofLevel = matched.filter((a) => a.accessLevel === level);
    const names = ofLevel.slice(0, actionsPerLevel).map((a) => code(services.size > 1 ? a.fullName : a.name));
    const more = ofLevel.length > actionsPerLevel ? `, … ${ofLevel.length - actionsPerLevel} more` : '';
    parts.push(`**${level}** (${ofLevel.length}): ${names.join(', ')}${more}`);
  }
  if (services.size === 1) parts.push(serviceReferenceLink([...services][0]!));
  return parts.join('\n\n');
}
