/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team}`...) inside Resource values and string or ARN
 * condition values, offered once the user has typed `${` and not yet closed it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { StringSlot } from '../cursorContext';
import { toRange } from '../ranges';
import { policyVariables, policyVariablesSource } from '../referenceData';
import { CompletionItemKind, list } from './items';
import { templateSnippet } from './templates';

/** Offset of the `${` the cursor is in (not closed before the cursor), or undefined. */
export function openVariableAt(slot: StringSlot): number | undefined {
  const open = slot.typed.lastIndexOf('${');
  if (open < 0 || slot.typed.indexOf('}', open) >= 0) return undefined;
  return slot.contentStart + open;
}

export function completeVariables(document: TextDocument, text: string, slot: StringSlot, start: number, catalog: Catalog): CompletionList {
  // Replace `${` up to the cursor, and a `}` right after the typed name too, so completing `${aws:us|}` keeps one brace.
  let end = slot.cursor;
  let probe = end;
  while (probe < slot.contentEnd && /[\w:/.-]/.test(text[probe]!)) probe++;
  if (probe < slot.contentEnd && text[probe] === '}') end = probe + 1;
  const range = toRange(document, { offset: start, length: end - start });
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  const add = (name: string, description: string, rank: string): void => {
    const lower = name.toLowerCase();
    if (seen.has(lower)) return;
    seen.add(lower);
    const label = `\${${name}}`;
    items.push({
      label,
      kind: CompletionItemKind.Variable,
      detail: 'policy variable',
      documentation: { kind: 'markdown', value: `${description}\n\n[Policy variables](${policyVariablesSource})` },
      sortText: `${rank}${lower}`,
      filterText: label,
      insertTextFormat: 2,
      // A literal `${` and `}` around the name, with a tab stop for a templated part such as the tag key.
      textEdit: { range, newText: '\\${' + templateSnippet(name, {}, 'names') + '\\}' },
    });
  };
  // The documented variables in their data order, the literal escapes (`${*}`...) after them.
  policyVariables.forEach((v, index) => add(v.name, v.description, `${/^[*?$]$/.test(v.name) ? 2 : 0}${String(index).padStart(3, '0')}`));
  // Any single-valued global key works as a variable too.
  for (const key of catalog.globalConditionKeys()) {
    if (!key.type.startsWith('ArrayOf')) add(key.key, key.description, '1');
  }
  return list(items);
}

