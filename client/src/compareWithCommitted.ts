/**
 * "IAM Policy: Compare with committed version": what the policy in the editor (saved or not) allows that its
 * committed version (HEAD) did not. The server compares (iamPolicy/compareWithBase); this side reads git, shows the
 * report in the Markdown preview and marks the widening statements as diagnostics until the document changes.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { compareWithBaseRequest, type CompareWithBaseParams, type CompareWithBaseResult } from '../../shared/protocol';
import { committedText } from './committedText';

const reportScheme = 'iam-policy-compare';
const baseLabel = 'HEAD';
const markdownPreviewCommand = 'markdown.showPreviewToSide';

export function registerCompareWithCommitted(context: vscode.ExtensionContext, client: LanguageClient): (editor: vscode.TextEditor | undefined) => Promise<void> {
  const diagnostics = vscode.languages.createDiagnosticCollection('iam-policy-compare');
  const reports = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  context.subscriptions.push(
    diagnostics,
    changed,
    vscode.workspace.registerTextDocumentContentProvider(reportScheme, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => reports.get(uri.toString()) ?? 'Run "IAM Policy: Compare with committed version" again.',
    }),
    // The marks are about the text that was compared: an edit makes them stale.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) diagnostics.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
  );

  return async (editor) => {
    const document = editor?.document;
    if (!editor || !document) {
      void vscode.window.showInformationMessage('Open an IAM policy (or a template that holds policies) first.');
      return;
    }
    if (document.uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('Only a file in a git repository has a committed version to compare with.');
      return;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage('Comparing with the committed version runs git, which Restricted Mode does not allow. Trust the workspace first.');
      return;
    }
    const base = await committedText(document.uri.fsPath, baseLabel);
    if (base.kind === 'error') {
      void vscode.window.showErrorMessage(`Cannot compare with the committed version: ${base.message}`);
      return;
    }
    const params: CompareWithBaseParams = { uri: document.uri.toString(), baseText: base.kind === 'found' ? base.text : null, baseLabel };
    let result: CompareWithBaseResult | null;
    try {
      result = await client.sendRequest<CompareWithBaseResult | null>(compareWithBaseRequest, params);
    } catch (error) {
      void vscode.window.showErrorMessage(`The IAM policy language server could not compare: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (!result) {
      void vscode.window.showInformationMessage('The IAM policy language server does not check this document.');
      return;
    }
    if (result.error) {
      void vscode.window.showErrorMessage(result.error);
      return;
    }
    diagnostics.set(
      document.uri,
      result.findings.map((finding) => {
        const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
        const diagnostic = new vscode.Diagnostic(range, finding.message, finding.kind === 'new' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        diagnostic.source = `IAM Policy: compared with ${baseLabel}`;
        diagnostic.code = finding.kind === 'new' ? 'new-access' : 'may-widen';
        return diagnostic;
      }),
    );
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const reportUri = vscode.Uri.from({ scheme: reportScheme, path: `/${name} compared with ${baseLabel}.md`, query: new URLSearchParams({ uri: document.uri.toString() }).toString() });
    reports.set(reportUri.toString(), result.text);
    changed.fire(reportUri);
    const first = result.findings[0];
    if (first) {
      const start = new vscode.Position(first.range.start.line, first.range.start.character);
      editor.selection = new vscode.Selection(start, start);
      editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else {
      void vscode.window.showInformationMessage(`No new access: everything ${name} allows, ${baseLabel} allowed too.`);
      return;
    }
    const report = await vscode.workspace.openTextDocument(reportUri);
    await vscode.languages.setTextDocumentLanguage(report, 'markdown');
    try {
      await vscode.commands.executeCommand(markdownPreviewCommand, reportUri);
    } catch {
      await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }
  };
}
