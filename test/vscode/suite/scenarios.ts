/**
 * The code-server suite's scenarios (test/e2e/editor.test.ts) through the VS Code API. Waits are on VS Code's events
 * (diagnostics changes), with a timeout that fails the test; never fixed sleeps.
 */
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

const extensionId = 'iam-policy-tools.iam-policy-lint';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the test/e2e/workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

function diagnosticsOf(uri: vscode.Uri, until: (d: readonly vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly vscode.Diagnostic[]> {
  const current = vscode.languages.getDiagnostics(uri);
  if (until(current)) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics for ${uri.path} did not arrive in ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!until(diagnostics)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    });
  });
}

function positionOf(document: vscode.TextDocument, text: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" is in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

export function registerScenarios(): void {
  suite('IAM policy extension (extension host)', () => {
    suiteSetup(async () => {
      await vscode.extensions.getExtension(extensionId)?.activate();
    });

    test('a policy file opens in the iam-policy language', async () => {
      const editor = await open('admin.iam.json');
      assert.equal(editor.document.languageId, 'iam-policy');
    });

    test('"Action": "*" on "*" has findings', async () => {
      const editor = await open('admin.iam.json');
      const diagnostics = await diagnosticsOf(editor.document.uri, (d) => d.some((x) => x.code === 'full-admin-access' || (typeof x.code === 'object' && x.code.value === 'full-admin-access')));
      assert.ok(diagnostics.length > 0);
    });

    test('completion after "s3:Get offers s3:GetObject', async () => {
      const editor = await open('read.iam.json');
      const position = positionOf(editor.document, '[]', 1);
      await editor.edit((edit) => edit.insert(position, '"s3:Get"'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        position.translate(0, '"s3:Get'.length),
      );
      assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 's3:GetObject'));
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });

    test('hover on an action shows its description', async () => {
      const editor = await open('users.iam.json');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        positionOf(editor.document, 'iam:CreateUser', 4),
      );
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /create a new IAM user/i);
    });

    test('the MFA quick fix adds the MultiFactorAuthPresent condition', async () => {
      const editor = await open('users.iam.json');
      const diagnostics = await diagnosticsOf(editor.document.uri, (d) => d.some((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'missing-mfa'));
      const mfa = diagnostics.find((x) => String(typeof x.code === 'object' ? x.code.value : x.code) === 'missing-mfa')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, mfa.range);
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.diagnostics?.some((d) => d.message === mfa.message));
      assert.ok(fix?.edit, 'a quick fix with an edit');
      await vscode.workspace.applyEdit(fix.edit);
      const policy = JSON.parse(editor.document.getText());
      assert.deepEqual(policy.Statement[0].Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });

    test('a snippet expands into a whole policy', async () => {
      const editor = await open('new.iam.json');
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'iam-policy', name: 'IAM policy' });
      const policy = JSON.parse(editor.document.getText());
      assert.equal(policy.Version, '2012-10-17');
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });
  });
}
