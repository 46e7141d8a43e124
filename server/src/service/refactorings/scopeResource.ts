/**
 * Replace `"Resource": "*"` with the ARN formats of the resource types the statement's actions act on, so the user
 * fills in names instead of granting every resource. The partition becomes `aws`; the other `${Placeholder}` fields
 * (`${BucketName}`, `${Region}`, `${Account}`) stay for the user to fill in. Until they do, the statement matches
 * nothing, since IAM cannot resolve those as policy variables: the refactoring fails closed.
 *
 * Actions that support only `*` (no resource-level permissions) lose their grant; the title says how many.
 */
import type { Action } from '../../catalog/types';
import { statementActions } from '../../policy/statementActions';
import type { Edit } from '../../rules/types';
import { compareText } from '../accessLevels';
import { kindPrefix, type Refactoring, type RefactoringContext } from './context';
import { maxExpandedActions } from './expandWildcard';
import { listLayout, renderList, replaceItem } from './layout';

/** An ARN format from the reference as a Resource value to complete. */
export function arnTemplate(format: string): string {
  return format.replaceAll('${Partition}', 'aws');
}

export function scopeResource(context: RefactoringContext): Refactoring[] {
  const statement = context.statement;
  const resource = statement?.resource;
  if (!statement?.action || !resource?.valueNode || resource.invalid.length > 0) return [];
  const star = resource.values.find((v) => v.value === '*');
  if (!star) return [];
  const actions = statementActions(statement, context.catalog).actions;
  if (actions.length === 0 || actions.length > maxExpandedActions) return [];
  const formats = new Set<string>();
  const starOnly: Action[] = [];
  for (const action of actions) {
    const types = context.catalog.resourceTypesOf(action);
    if (types.length === 0) starOnly.push(action);
    for (const row of types) formats.add(arnTemplate(row.resourceType.arn));
  }
  if (formats.size === 0) return [];
  const templates = [...formats].sort(compareText);
  const existing = new Set(resource.values.map((v) => v.value));
  const added = templates.filter((t) => !existing.has(t));
  const layout = listLayout(context.model.text, resource.property);
  const valueNode = resource.valueNode;
  let edit: Edit;
  if (valueNode.type === 'array' && layout.multiLine && added.length > 0) {
    edit = replaceItem(layout, star.node, added.map((t) => JSON.stringify(t)));
  } else {
    const items = resource.values.flatMap((v) => (v === star ? added : v.value === '*' ? [] : [v.value])).map((t) => JSON.stringify(t));
    edit = { offset: valueNode.offset, length: valueNode.length, text: renderList(layout, items) };
  }
  const count = `${templates.length} ARN ${templates.length === 1 ? 'template' : 'templates'}`;
  const loss = starOnly.length === 0 ? '' : `; ${starOnly.length} ${starOnly.length === 1 ? 'action' : 'actions'} that support only "*" (such as ${starOnly[0]!.fullName}) will no longer match`;
  return [
    {
      title: `Scope Resource "*" to the ${count} of the statement's actions (fill in the \${…} placeholders)${loss}`,
      kind: `${kindPrefix}.scope-resource`,
      edits: [edit],
    },
  ];
}
