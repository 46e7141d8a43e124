/** Opens files matching the user's `iamPolicy.filePatterns` as IAM policies. */
import { minimatch } from 'minimatch';
import * as vscode from 'vscode';
import { settingsSection } from '../../shared/settings';

const convertible = new Set(['json', 'jsonc', 'plaintext']);

function matches(document: vscode.TextDocument, patterns: readonly string[]): boolean {
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  const path = document.uri.path;
  return patterns.some((pattern) =>
    pattern.includes('/')
      ? minimatch(relative, pattern, { dot: true }) || minimatch(path, pattern, { dot: true })
      : minimatch(path.slice(path.lastIndexOf('/') + 1), pattern, { dot: true }),
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
