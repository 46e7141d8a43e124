/**
 * Completion. Inside the strings of a statement's Action, Resource, Principal and Condition elements the items come
 * from the catalogue and data/ (./completion/*); elsewhere (element names, Effect and Version values) from the
 * policy schema through vscode-json-languageservice. Where our items apply the schema's are not added, so nothing
 * is offered twice.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, Position, Range } from 'vscode-languageserver-types';
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import { parseOperator } from '../policy/operators';
import { completeActions } from './completion/actions';
import { completeKeys, completeOperators, completeValues } from './completion/conditions';
import { completePrincipalKinds, completePrincipalValues } from './completion/principals';
import { completeResources } from './completion/resources';
import { completeVariables, openVariableAt } from './completion/variables';
import { templateCompletions } from './completion/policyTemplates';
import { contextAt, type CursorContext } from './cursorContext';
import { jsonLanguage } from './jsonLanguage';

export async function complete(model: PolicyModel, position: Position, catalog: Catalog): Promise<CompletionList | null> {
  if (model.tooLarge) return null;
  // An empty document: whole-policy templates.
  const templates = templateCompletions(model, position);
  if (templates.length > 0) return { isIncomplete: false, items: templates };
  const context = contextAt(model, model.document.offsetAt(position));
  const ours = context && completeInContext(model, context, catalog);
  if (ours) return onRequestLine(ours, model.document, position);
  const schema = await jsonLanguage().doComplete(model.document, position, model.json);
  return schema && onRequestLine(schema, model.document, position);
}

/**
 * LSP wants each completion edit on the request's line and around the position; VS Code throws on any other and the
 * whole list is lost. Items replace the string (or key) under the cursor, and a backslash before a line break
 * continues a JSON string on the next line (K12), so such a range is clipped to the request's line; an item whose
 * clipped edit no longer covers the position is dropped.
 */
export function onRequestLine(list: CompletionList, document: TextDocument, position: Position): CompletionList {
  const line = document.getLineRange(position.line);
  // Items of one list mostly share one range object: clip each object once.
  const clipped = new Map<Range, Range | undefined>();
  const clip = (range: Range): Range | undefined => {
    if (clipped.has(range)) return clipped.get(range);
    const start = range.start.line < position.line ? line.start : range.start;
    const end = range.end.line > position.line ? line.end : range.end;
    const result =
      start.line === position.line && end.line === position.line && start.character <= position.character && position.character <= end.character
        ? start === range.start && end === range.end
          ? range
          : { start, end }
        : undefined;
    clipped.set(range, result);
    return result;
  };
  let changed = false;
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const edit = item.textEdit;
    if (!edit) {
      items.push(item);
    } else if ('range' in edit) {
      const range = clip(edit.range);
      if (range !== edit.range) changed = true;
      if (range) items.push(range === edit.range ? item : { ...item, textEdit: { ...edit, range } });
    } else {
      const insert = clip(edit.insert);
      const replace = clip(edit.replace);
      if (insert !== edit.insert || replace !== edit.replace) changed = true;
      if (insert && replace) items.push(insert === edit.insert && replace === edit.replace ? item : { ...item, textEdit: { ...edit, insert, replace } });
    }
  }
  return changed ? { ...list, items } : list;
}

function completeInContext(model: PolicyModel, context: CursorContext, catalog: Catalog): CompletionList | undefined {
  const document = model.document;
  switch (context.kind) {
    case 'action':
      return completeActions(document, context.slot, context.element, catalog);
    case 'resource': {
      const variable = openVariableAt(context.slot);
      if (variable !== undefined) return completeVariables(document, model.text, context.slot, variable, catalog);
      return completeResources(document, context.slot, context.statement, context.element, catalog);
    }
    case 'principal-kind':
      return completePrincipalKinds(document, context.slot, context.element);
    case 'principal-value':
      return completePrincipalValues(document, context.slot, context.statement, context.element, context.principalKind, catalog);
    case 'condition-operator':
      return completeOperators(document, context.slot, context.element, context.operator, catalog);
    case 'condition-key':
      return completeKeys(document, context.slot, context.statement, context.operator, context.key, catalog);
    case 'condition-value': {
      // Variables are substituted in string and ARN comparisons only.
      const family = parseOperator(context.operator.operator).operator?.family;
      const variable = family === 'String' || family === 'ARN' ? openVariableAt(context.slot) : undefined;
      if (variable !== undefined) return completeVariables(document, model.text, context.slot, variable, catalog);
      return completeValues(document, context.slot, context.operator, context.key, catalog);
    }
    case 'effect':
      return undefined;
  }
}
