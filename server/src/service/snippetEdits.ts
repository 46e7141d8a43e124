/**
 * Placeholders as snippet tab stops. A suggestion or refactoring that inserts placeholders (`${BucketName}`,
 * `OWNER/REPO`, policy/placeholders.ts) is marked by the code that builds its code action; at the end of a code
 * action request its edits become LSP 3.18 `SnippetTextEdit`s when the client announced
 * `workspace.workspaceEdit.snippetEditSupport`: the editor then selects the first placeholder, Tab moves to the next,
 * and equal placeholders (`${Region}` in three ARNs) are one tab stop, filled in together. A placeholder keeps its
 * own text as the tab stop's default, so one left as it is stays visible to unfilled-placeholder.
 *
 * Snippet edits travel in `documentChanges` (the only place LSP allows them), with the document's version. VS Code
 * re-indents a snippet edit: every line after the first gets the indentation of the line the edit starts on, and so
 * do plain edits applied together with it (LSP's `SnippetTextEdit` has no `keepWhitespace`, microsoft/language-server-
 * protocol#2290). Our VS Code client says so at initialization (shared/protocol.ts), and the edits then leave that
 * indentation out; an action whose text cannot be written that way (a line indented less than its start line) keeps
 * plain edits.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, SnippetTextEdit, TextEdit } from 'vscode-languageserver-types';
import { findPlaceholders } from '../policy/placeholders';

/**
 * What the client does with snippet edits: nothing (no support), apply them as written, or indent their lines after
 * the first by the start line's indentation (VS Code).
 */
export type SnippetEditSupport = 'none' | 'exact' | 'startLineIndentation';

/** What marks a code action whose edits insert placeholders, until `finishCodeActions` reads it. */
export interface PlaceholderMark {
  readonly placeholders: true;
}

export const placeholderMark: PlaceholderMark = { placeholders: true };

function insertsPlaceholders(action: CodeAction): boolean {
  return (action.data as Partial<PlaceholderMark> | undefined)?.placeholders === true;
}

/**
 * The code actions as they go to the client: the mark removed, and the edits of marked actions as snippet edits
 * where the client takes them.
 */
export function finishCodeActions(actions: readonly CodeAction[], document: TextDocument, support: SnippetEditSupport = 'none'): CodeAction[] {
  return actions.map((action) => {
    if (!insertsPlaceholders(action)) return action;
    const plain: CodeAction = { ...action };
    delete plain.data;
    return support === 'none' ? plain : (withTabStops(plain, document, support) ?? plain);
  });
}

/** Snippet syntax gives `$`, `}` and `\` a meaning; everything else is literal. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function withTabStops(action: CodeAction, document: TextDocument, support: SnippetEditSupport): CodeAction | undefined {
  const edits = action.edit?.changes?.[document.uri];
  if (!edits || Object.keys(action.edit!.changes!).length !== 1) return undefined;
  const ordered = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  const stops = new Map<string, number>();
  const converted: (TextEdit | SnippetTextEdit)[] = [];
  for (const edit of ordered) {
    const text = support === 'startLineIndentation' ? withoutStartLineIndentation(document, edit) : edit.newText;
    if (text === undefined) return undefined;
    const snippet = tabStops(text, stops);
    converted.push(snippet === undefined ? { range: edit.range, newText: text } : { range: edit.range, snippet: { kind: 'snippet', value: snippet } });
  }
  if (stops.size === 0) return undefined;
  return { ...action, edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: converted }] } };
}

/**
 * The text as a snippet with a tab stop on each placeholder (numbered in order of first appearance across the
 * action's edits, the same number for the same text); undefined when it has none. In HCL a placeholder is written
 * `$${Name}` (Terraform would interpolate `${`): the escape belongs to the tab stop, so typing over it leaves no `$`.
 */
function tabStops(text: string, stops: Map<string, number>): string | undefined {
  const found = findPlaceholders(text, 'source');
  if (found.length === 0) return undefined;
  let snippet = '';
  let from = 0;
  for (const placeholder of found) {
    const start = placeholder.text.startsWith('${') && text[placeholder.start - 1] === '$' ? placeholder.start - 1 : placeholder.start;
    const written = text.slice(start, placeholder.end);
    let stop = stops.get(written);
    if (stop === undefined) {
      stop = stops.size + 1;
      stops.set(written, stop);
    }
    snippet += `${escapeSnippetText(text.slice(from, start))}\${${stop}:${escapeSnippetText(written)}}`;
    from = placeholder.end;
  }
  return snippet + escapeSnippetText(text.slice(from));
}

/**
 * The edit's text without the indentation VS Code adds to each line after the first (that of the document line the
 * edit starts on, up to the edit); undefined when a line does not start with it.
 */
function withoutStartLineIndentation(document: TextDocument, edit: TextEdit): string | undefined {
  const lines = edit.newText.split(/(\r\n|\r|\n)/);
  if (lines.length === 1) return edit.newText;
  const lineStart = document.getText({ start: { line: edit.range.start.line, character: 0 }, end: edit.range.start });
  const indentation = /^[ \t]*/.exec(lineStart)![0];
  if (indentation === '') return edit.newText;
  // split with a capturing group: lines at even indices, the line breaks between them at odd ones.
  for (let i = 2; i < lines.length; i += 2) {
    if (!lines[i]!.startsWith(indentation)) return undefined;
    lines[i] = lines[i]!.slice(indentation.length);
  }
  return lines.join('');
}
