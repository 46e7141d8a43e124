/** Shared by the completion and hover suites: run the service at a `|` cursor, apply an item, read a hover. */
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import type { PolicyModel } from '../../server/src/policy/model';
import { cursor } from '../support/markers';
import { modelOf, service, textAfterEdits } from '../support/service';
import { expandSnippet } from '../support/snippetText';

export interface Completion {
  readonly list: CompletionList;
  readonly model: PolicyModel;
  readonly labels: string[];
  /** The document after applying the item with this label, snippet fields filled with their placeholder text. */
  apply(label: string): string;
  item(label: string): CompletionItem;
}

export async function completionsAt(source: string): Promise<Completion> {
  const { text, offset } = cursor(source);
  const model = modelOf(text);
  const list = await service.complete(model, model.document.positionAt(offset));
  assert.ok(list, 'a completion list');
  const item = (label: string): CompletionItem => {
    const found = list.items.find((i) => i.label === label);
    assert.ok(found, `no item "${label}" among: ${list.items.map((i) => i.label).join(', ')}`);
    return found;
  };
  return {
    list,
    model,
    labels: list.items.map((i) => i.label),
    item,
    apply(label) {
      const chosen = item(label);
      const edit = chosen.textEdit as TextEdit;
      const newText = chosen.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
      return textAfterEdits(model.document, [{ range: edit.range, newText }]);
    },
  };
}

/** Labels in the order the editor shows them when nothing more is typed (by sortText). */
export function sortedLabels(list: CompletionList): string[] {
  return [...list.items].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1)).map((i) => i.label);
}

export { expandSnippet };

export async function hoverAt(source: string, uri?: string): Promise<string | undefined> {
  const { text, offset } = cursor(source);
  const model = modelOf(text, uri);
  const hover = await service.hover(model, model.document.positionAt(offset), { settings: defaultSettings });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}
