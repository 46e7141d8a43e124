/**
 * Split a statement into one statement per service, or per access level. IAM evaluates each request against one
 * action, so `Action: [a, b]` grants exactly what two statements with `[a]` and `[b]` and the same other elements
 * grant: the split changes the layout, not the permissions. NotAction statements are not split (the complement of
 * a union is not the union of complements).
 *
 * Each new statement is the original's text with its Action (and Sid) replaced, so Principal, Resource and Condition
 * keep their exact formatting. A part of a single action gets a string, not a one-element array.
 */
import { hasWildcard } from '../../catalog';
import type { AccessLevel } from '../../catalog/types';
import type { Statement } from '../../policy/model';
import { applyEdits, indentUnit, indentationAt, lineBreak } from '../../rules/shared/edits';
import type { Edit } from '../../rules/types';
import { accessLevelOrder, byAccessLevelThenName } from '../accessLevels';
import { kindPrefix, pascalWords, sidsInUse, uniqueSid, type Refactoring, type RefactoringContext } from './context';
import { maxExpandedActions } from './expandWildcard';
import { listLayout, renderList } from './layout';

interface Part {
  /** How the title names the part (`s3`, `Permissions management`). */
  readonly name: string;
  /** Word for the new Sid (`S3`, `PermissionsManagement`). */
  readonly label: string;
  /** The Action entries of this part, as strings. */
  readonly actions: readonly string[];
}

/** Entries grouped by service prefix, in order of first appearance; undefined when a prefix is not a plain name. */
function byService(statement: Statement): Part[] | undefined {
  const groups = new Map<string, string[]>();
  for (const { value } of statement.action!.values) {
    const colon = value.indexOf(':');
    const service = colon > 0 ? value.slice(0, colon).toLowerCase() : '';
    if (service === '' || hasWildcard(service)) return undefined;
    groups.set(service, [...(groups.get(service) ?? []), value]);
  }
  return [...groups].map(([service, actions]) => ({ name: service, label: pascalWords(service), actions }));
}

/**
 * Entries grouped by access level. An entry whose actions all share a level moves as written; a wildcard that spans
 * several levels is expanded into its actions for each level (so `s3:*` becomes explicit lists).
 */
function byAccessLevel(context: RefactoringContext, statement: Statement): Part[] | undefined {
  const groups = new Map<AccessLevel, string[]>();
  const seen = new Set<string>();
  let expanded = 0;
  const add = (level: AccessLevel, value: string) => {
    if (seen.has(value.toLowerCase())) return;
    seen.add(value.toLowerCase());
    groups.set(level, [...(groups.get(level) ?? []), value]);
  };
  for (const { value } of statement.action!.values) {
    const actions = context.catalog.expandAction(value);
    if (actions.length === 0) return undefined; // unknown: no level to put it under
    const levels = new Set(actions.map((a) => a.accessLevel));
    if (levels.size === 1) {
      add(actions[0]!.accessLevel, value);
      continue;
    }
    expanded += actions.length;
    if (expanded > maxExpandedActions) return undefined;
    for (const action of [...actions].sort(byAccessLevelThenName)) add(action.accessLevel, action.fullName);
  }
  return accessLevelOrder.filter((level) => groups.has(level)).map((level) => ({ name: level, label: pascalWords(level), actions: groups.get(level)! }));
}

function splitInto(context: RefactoringContext, statement: Statement, parts: readonly Part[], kind: string, title: string): Refactoring {
  const text = context.model.text;
  const node = statement.node;
  const action = statement.action!;
  const layout = listLayout(text, action.property);
  const taken = sidsInUse(context.model);
  const sid = statement.sid;
  if (sid?.value !== undefined) taken.delete(sid.value); // the original Sid is replaced by the new ones
  const original = text.slice(node.offset, node.offset + node.length);
  const local = (edit: Edit): Edit => ({ ...edit, offset: edit.offset - node.offset });
  const copies = parts.map((part) => {
    // A part of one action is written as a plain string, as fixes and templates write a single value.
    const value = part.actions.length === 1 ? JSON.stringify(part.actions[0]) : renderList(layout, part.actions.map((a) => JSON.stringify(a)));
    const edits: Edit[] = [local({ offset: action.valueNode!.offset, length: action.valueNode!.length, text: value })];
    if (sid?.valueNode && sid.value !== undefined) {
      edits.push(local({ offset: sid.valueNode.offset, length: sid.valueNode.length, text: JSON.stringify(uniqueSid(`${sid.value}${part.label}`, taken)) }));
    }
    return applyEdits(original, edits);
  });
  const parent = node.parent;
  const eol = lineBreak(text);
  let replacement: string;
  if (parent?.type === 'array') {
    const index = parent.items.indexOf(node);
    const neighbour = parent.items[index + 1] ?? parent.items[index - 1];
    const gap = neighbour
      ? index + 1 < parent.items.length
        ? text.slice(node.offset + node.length, neighbour.offset)
        : text.slice(neighbour.offset + neighbour.length, node.offset)
      : text.slice(parent.offset + 1, node.offset);
    const separator = gap.includes('\n') ? `,${eol}${indentationAt(text, node.offset)}` : neighbour ? gap : ', ';
    replacement = copies.join(separator);
  } else {
    // A single-object Statement becomes an array of the copies, one level deeper.
    const outer = indentationAt(text, node.offset);
    const unit = indentUnit(text);
    if (original.includes('\n')) {
      const deeper = copies.map((copy) => copy.split(eol).join(`${eol}${unit}`));
      replacement = `[${eol}${outer}${unit}${deeper.join(`,${eol}${outer}${unit}`)}${eol}${outer}]`;
    } else {
      replacement = `[${copies.join(', ')}]`;
    }
  }
  return { title, kind, edits: [{ offset: node.offset, length: node.length, text: replacement }] };
}

export function splitStatement(context: RefactoringContext): Refactoring[] {
  const statement = context.statement;
  if (!statement?.action?.valueNode || statement.action.invalid.length > 0 || statement.notAction) return [];
  const found: Refactoring[] = [];
  const services = byService(statement);
  if (services && services.length > 1) {
    const names = services.map((s) => s.name).join(', ');
    found.push(splitInto(context, statement, services, `${kindPrefix}.split-by-service`, `Split the statement by service (${services.length} statements: ${names})`));
  }
  const levels = byAccessLevel(context, statement);
  if (levels && levels.length > 1) {
    const names = levels.map((l) => l.name).join(', ');
    found.push(splitInto(context, statement, levels, `${kindPrefix}.split-by-access-level`, `Split the statement by access level (${levels.length} statements: ${names})`));
  }
  return found;
}
