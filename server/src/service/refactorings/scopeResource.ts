/**
 * Replace `"Resource": "*"` with the ARN formats of the resource types the statement's actions need (the required
 * ones, and for actions where any of several will do, the likeliest: rules/shared/neededResourceTypes.ts), most likely
 * first, so the user fills in names instead of granting every resource. The partition becomes `aws`; the other
 * fields (`${BucketName}`, `${Region}`, `${Account}`) are placeholders for the user to fill in, tab stops where the
 * editor takes snippet edits. Until they are filled in, the statement matches nothing (unfilled-placeholder reports
 * them): the refactoring fails closed.
 *
 * Actions that support only `*` (no resource-level permissions) lose their grant; the title says how many.
 */
import type { Action } from '../../catalog/types';
import { statementActions } from '../../policy/statementActions';
import { arnTemplate, neededResourceTypes } from '../../rules/shared/neededResourceTypes';
import type { Edit } from '../../rules/types';
import { kindPrefix, type Refactoring, type RefactoringContext } from './context';
import { maxExpandedActions } from './expandWildcard';
import { listLayout, renderList, replaceItem } from './layout';

export { arnTemplate };

/** Type names the title shows before "and N more". */
const namesShown = 3;

export function scopeResource(context: RefactoringContext): Refactoring[] {
  const statement = context.statement;
  const resource = statement?.resource;
  if (!statement?.action || !resource?.valueNode || resource.invalid.length > 0) return [];
  const star = resource.values.find((v) => v.value === '*');
  if (!star) return [];
  const actions = statementActions(statement, context.catalog).actions;
  if (actions.length === 0 || actions.length > maxExpandedActions) return [];
  const starOnly: Action[] = actions.filter((action) => action.resourceTypes.length === 0);
  const needed = neededResourceTypes(actions, context.catalog);
  if (needed.length === 0) return [];
  const templates = [...new Set(needed.map((type) => arnTemplate(type.resourceType.arn)))];
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
  const names = [...new Set(needed.map((type) => type.resourceType.name))];
  const shown = names.length > namesShown ? `${names.slice(0, namesShown).join(', ')} and ${names.length - namesShown} more` : joinAnd(names);
  const loss = starOnly.length === 0 ? '' : `; ${starOnly.length} ${starOnly.length === 1 ? 'action' : 'actions'} that support only "*" (such as ${starOnly[0]!.fullName}) will no longer match`;
  return [
    {
      title: `Scope Resource "*" to ${shown} ARNs (fill in the \${…} placeholders)${loss}`,
      kind: `${kindPrefix}.scope-resource`,
      edits: [edit],
      placeholders: true,
    },
  ];
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
