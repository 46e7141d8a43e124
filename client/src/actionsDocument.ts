/**
 * "Show the actions this policy allows": the server's listing of each statement's actions, grouped by service and
 * access level, shown rendered in VS Code's Markdown preview. The preview reads a read-only virtual document (scheme
 * `iam-policy-actions`) that this module provides; the listing follows edits of the policy while it is open.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { grantsRequest, type GrantsParams, type GrantsResult } from './requests';

export const actionsScheme = 'iam-policy-actions';
const refreshDelayMs = 500;

/** The listing's address: the policy's URI and, for one statement, a position in it, in the query. */
export function listingUri(source: vscode.Uri, position?: vscode.Position): vscode.Uri {
  const name = source.path.slice(source.path.lastIndexOf('/') + 1) || 'policy';
  const query = new URLSearchParams({ uri: source.toString() });
  if (position) {
    query.set('line', String(position.line));
    query.set('character', String(position.character));
  }
  const what = position ? 'statement actions' : 'actions';
  return vscode.Uri.from({ scheme: actionsScheme, path: `/${name} ${what}.md`, query: query.toString() });
}

function paramsOf(uri: vscode.Uri): GrantsParams | undefined {
  const query = new URLSearchParams(uri.query);
  const source = query.get('uri');
  if (!source) return undefined;
  const line = query.get('line');
  const character = query.get('character');
  return line !== null && character !== null ? { uri: source, position: { line: Number(line), character: Number(character) } } : { uri: source };
}

export function registerActionsDocuments(context: vscode.ExtensionContext, client: LanguageClient): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Map<string, vscode.Uri>(); // listing URI -> policy URI, while the policy is open
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  /**
   * VS Code closes a virtual document that no text editor shows after a while, though the Markdown preview still shows
   * it; the preview refreshes when the document opens again, so a closed listing is opened rather than changed.
   */
  function refresh(listing: string): void {
    const uri = vscode.Uri.parse(listing);
    if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === listing)) changed.fire(uri);
    else vscode.workspace.openTextDocument(uri).then(undefined, () => undefined);
  }

  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const params = paramsOf(uri);
      if (!params) return 'This listing has lost the address of its policy; run the command again.';
      open.set(uri.toString(), vscode.Uri.parse(params.uri));
      try {
        const result = await client.sendRequest<GrantsResult | null>(grantsRequest, params);
        return result?.text ?? 'The IAM policy language server does not check this document as a policy.';
      } catch (error) {
        return `The IAM policy language server could not list the actions: ${error instanceof Error ? error.message : String(error)}`;
      }
    },
  };

  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(actionsScheme, provider),
    vscode.workspace.onDidChangeTextDocument((event) => {
      const source = event.document.uri.toString();
      for (const [listing, policy] of open) {
        if (policy.toString() !== source) continue;
        clearTimeout(timers.get(listing));
        timers.set(listing, setTimeout(() => refresh(listing), refreshDelayMs));
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      const closed = document.uri.toString();
      if (document.uri.scheme === actionsScheme) {
        clearTimeout(timers.get(closed));
        return; // a preview may still show the listing: keep following its policy
      }
      for (const [listing, policy] of open) {
        if (policy.toString() !== closed) continue;
        open.delete(listing);
        clearTimeout(timers.get(listing));
      }
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}

/** Built-in Markdown preview command; absent when the user disabled the built-in Markdown extension. */
const markdownPreviewCommand = 'markdown.showPreviewToSide';

export async function showActions(editor: vscode.TextEditor | undefined, statementOnly: boolean): Promise<void> {
  if (!editor) {
    void vscode.window.showInformationMessage('Open an IAM policy first.');
    return;
  }
  const uri = listingUri(editor.document.uri, statementOnly ? editor.selection.active : undefined);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  // Rendered, the listing reads as headings and lists; the Markdown source is a fallback for when there is no preview.
  // (The command is not asked for with getCommands: that lists it only once the Markdown extension has activated,
  // and running it is what activates it.)
  try {
    await vscode.commands.executeCommand(markdownPreviewCommand, uri);
    return;
  } catch {
    // no Markdown extension: show the source
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}
