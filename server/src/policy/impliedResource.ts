/**
 * Resource-based policies whose statements name no Resource: an ECR repository policy governs the one repository it
 * is set on, and AWS writes its statements without one (data/implied-resource-services.json).
 */
import impliedData from '../../../data/implied-resource-services.json';
import type { Statement } from './model';

/** Service prefixes whose resource-based policies imply their resource, as the data lists them (lower case). */
export const impliedResourceServices: ReadonlySet<string> = new Set(impliedData.services.map((entry) => entry.prefix));

/**
 * Whether a statement of a resource-based policy that has neither Resource nor NotResource stands for the resource the
 * policy is attached to: every action it names belongs to one of those services. NotAction, a computed action or an
 * action of any other service (`*` included) says nothing about which resource is meant.
 */
export function impliesItsResource(statement: Statement): boolean {
  if (statement.resource || statement.notResource) return false;
  const action = statement.action;
  if (!action || action.values.length === 0 || action.invalid.length > 0 || action.opaque) return false;
  return action.values.every(({ value }) => {
    const colon = value.indexOf(':');
    return colon > 0 && impliedResourceServices.has(value.slice(0, colon).toLowerCase());
  });
}
