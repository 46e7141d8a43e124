/**
 * Completion. Inside the strings of a statement's Action, Resource, Principal and Condition elements the items come
 * from the catalogue and data/ (./completion/*); elsewhere (element names, Effect and Version values) from the
 * policy schema through vscode-json-languageservice. Where our items apply the schema's are not added, so nothing
 * is offered twice.
 */
import type { CompletionList, Position } from 'vscode-languageserver-types';
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
  if (ours) return ours;
  return jsonLanguage().doComplete(model.document, position, model.json);
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
      return completePrincipalValues(document, context.slot, context.element, context.principalKind);
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
