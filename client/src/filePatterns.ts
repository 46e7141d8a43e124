/** Opens files matching the user's `iamPolicy.filePatterns` as IAM policies. */
import * as vscode from 'vscode';
import { matchPathGlob } from '../../shared/pathGlob';
import { settingsSection } from '../../shared/settings';

const convertible = new Set(['json', 'jsonc', 'plaintext']);

/**
 * A glob with `/` against the workspace-relative or the absolute path, one without against the file name. Linear
 * matching (shared/pathGlob.ts): this runs in the extension host, where a slow match would stall every extension.
 */
function matches(document: vscode.TextDocument, patterns: readonly string[]): boolean {
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const path = document.uri.path;
  return patterns.some((pattern) =>
    pattern.includes('/') ? matchPathGlob(pattern, relative) || matchPathGlob(pattern, path) : matchPathGlob(pattern, path, { matchBase: true }),
  );
}

async function associate(document: vscode.TextDocument): Promise<void> {
  if (!convertible.has(document.languageId)) return;
  const patterns = vscode.workspace.getConfiguration(settingsSection).get<string[]>('filePatterns', []);
  if (patterns.length > 0 && matches(document, patterns)) await vscode.languages.setTextDocumentLanguage(document, 'iam-policy');
}

export function registerFilePatterns(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => void associate(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${settingsSection}.filePatterns`)) vscode.workspace.textDocuments.forEach((d) => void associate(d));
    }),
  );
  vscode.workspace.textDocuments.forEach((document) => void associate(document));
}
