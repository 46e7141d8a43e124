/**
 * Building completion items for a string slot. Values replace the whole string content (so `"s3:Ge|t"` + item
 * `s3:GetObject` gives `"s3:GetObject"`); keys replace the whole key, quotes included, and add a value skeleton when
 * no colon follows yet. An unterminated string is replaced only up to the cursor and gets its closing quote, so text
 * the parser swallowed into it (the rest of the line) survives.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  type Command,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { toRange } from '../ranges';
import type { StringSlot } from '../cursorContext';
import { escapeSnippet } from './templates';

/** Asks the editor for the next completion right away (after a service prefix, an operator, a principal kind...). */
export const suggestAgain: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export interface ItemSpec {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly documentation?: string | MarkupContent;
  /** Rank within the list: lower sorts first; ties sort by label. */
  readonly rank?: number;
  /** The item's final position when the caller has sorted the list itself (shorter than a rank plus label). */
  readonly position?: number;
  /** Replacement text; the label when absent. Plain text unless `snippet` is set. */
  readonly text?: string;
  /** `text` is an LSP snippet (tab stops, escaped `$`). */
  readonly snippet?: boolean;
  /** What the editor filters on; the label by default. */
  readonly filterText?: string;
  readonly command?: Command;
}

/** An item that replaces the content of a value string. */
export function valueItem(document: TextDocument, slot: StringSlot, spec: ItemSpec): CompletionItem {
  const text = spec.text ?? (spec.snippet ? escapeSnippet(spec.label) : spec.label);
  const closing = slot.closed ? '' : '"';
  return finish(spec, { range: contentRange(document, slot), newText: text + closing }, spec.filterText ?? spec.label);
}

/** An item that replaces the whole string, quotes included (a value that must become an object, say). */
export function stringItem(document: TextDocument, slot: StringSlot, spec: ItemSpec): CompletionItem {
  const text = spec.text ?? (spec.snippet ? escapeSnippet(spec.label) : spec.label);
  return finish(spec, { range: keyRange(document, slot), newText: text }, spec.filterText ?? spec.label);
}

// Every item of a list replaces the same range: convert it once per slot.
const contentRanges = new WeakMap<StringSlot, Range>();
const keyRanges = new WeakMap<StringSlot, Range>();

/** The string's content: up to the closing quote, or up to the cursor when the string is not closed. */
function contentRange(document: TextDocument, slot: StringSlot): Range {
  let range = contentRanges.get(slot);
  if (!range) {
    const end = slot.closed ? slot.contentEnd : slot.cursor;
    range = toRange(document, { offset: slot.contentStart, length: end - slot.contentStart });
    contentRanges.set(slot, range);
  }
  return range;
}

/** The whole key (or string) with its quotes, or from the opening quote to the cursor when it is not closed. */
function keyRange(document: TextDocument, slot: StringSlot): Range {
  let range = keyRanges.get(slot);
  if (!range) {
    const start = slot.node.offset;
    const end = slot.closed ? slot.contentEnd + 1 : slot.cursor;
    range = toRange(document, { offset: start, length: end - start });
    keyRanges.set(slot, range);
  }
  return range;
}

/**
 * An item that replaces a whole property key. `valueSkeleton` (snippet syntax) follows `": "` when the key has no
 * value yet, e.g. `{"$1"}` after an operator; `suggestValue` then asks for the next completion inside it.
 */
export function keyItem(
  document: TextDocument,
  slot: StringSlot,
  spec: ItemSpec & { readonly valueSkeleton?: string; readonly suggestValue?: boolean },
): CompletionItem {
  const name = spec.text ?? escapeSnippet(spec.label);
  const addsValue = !slot.hasValue && spec.valueSkeleton !== undefined;
  // The value's tab stops come after the key's (`aws:ResourceTag/${1:…}`): the same number would mirror the key.
  const value = addsValue ? `: ${afterTabStops(spec.valueSkeleton!, name)}` : '';
  const edit: TextEdit = { range: keyRange(document, slot), newText: `"${name}"${value}` };
  const command = spec.command ?? (addsValue && spec.suggestValue ? suggestAgain : undefined);
  // The editor filters on the text from the range start (the opening quote) to the cursor.
  return finish({ ...spec, snippet: true, command }, edit, `"${spec.filterText ?? spec.label}"`);
}

function finish(spec: ItemSpec, textEdit: TextEdit, filterText: string): CompletionItem {
  const item: CompletionItem = {
    label: spec.label,
    kind: spec.kind,
    sortText: spec.position === undefined ? sortKey(spec.rank ?? 0, spec.label) : spec.position.toString(36).padStart(3, '0'),
    textEdit,
  };
  // The editor filters on the label when there is no filterText: leave it out then, responses stay smaller.
  if (filterText !== spec.label) item.filterText = filterText;
  if (spec.detail !== undefined) item.detail = spec.detail;
  if (spec.documentation !== undefined) item.documentation = spec.documentation;
  if (spec.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (spec.command) item.command = spec.command;
  return item;
}

function sortKey(rank: number, label: string): string {
  // `*` sorts before letters so `s3:Get*` comes right before the Get actions.
  return `${String(rank).padStart(4, '0')}${label.toLowerCase().replace(/\*/g, '!')}`;
}

export function list(items: CompletionItem[], isIncomplete = false): CompletionList {
  return { isIncomplete, items };
}

export { CompletionItemKind };

/** The snippet's tab stops (`$1`, `${1:…}`) renumbered to follow those of `before`; `$0` stays last. */
function afterTabStops(snippet: string, before: string): string {
  const used = Math.max(0, ...[...before.matchAll(/(?<!\\)\$\{?(\d+)/g)].map((m) => Number(m[1])));
  return used === 0 ? snippet : snippet.replace(/(?<!\\)\$(\{?)(\d+)/g, (whole, brace: string, n: string) => (n === '0' ? whole : `$${brace}${Number(n) + used}`));
}
