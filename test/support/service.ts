/** The service with default settings over inline documents, for service-level tests. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, type Settings } from '../../shared/settings';
import { createPolicyService } from '../../server/src/service';
import { documentOf } from './documents';

export const service = createPolicyService();

export function modelOf(text: string, uri?: string, settings: Settings = defaultSettings) {
  return service.parse(documentOf(text, uri), settings);
}

export function textAfterEdits(document: TextDocument, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const text = document.getText();
  const sorted = edits
    .map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  return sorted.reduce((result, e) => result.slice(0, e.start) + e.text + result.slice(e.end), text);
}
