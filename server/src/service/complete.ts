/** Completion: policy elements and the Effect/Version values, from the schema. */
import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { PolicyModel } from '../policy/model';
import { jsonLanguage } from './jsonLanguage';

export async function complete(model: PolicyModel, position: Position): Promise<CompletionList | null> {
  if (model.tooLarge) return null;
  return jsonLanguage().doComplete(model.document, position, model.json);
}
