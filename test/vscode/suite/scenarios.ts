/**
 * The code-server suite's scenarios (test/e2e/editor.test.ts, test/e2e/hosts.test.ts) through the VS Code API. Waits
 * are on VS Code's events (diagnostics changes), with a timeout that fails the test; never fixed sleeps.
 */
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { hostSyntax } from '../../../shared/hostFiles';
import { prepareHost, readHost } from '../../../server/src/hosts/readHost';

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

function codeOf(diagnostic: vscode.Diagnostic): string {
  return String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
}

/** The host files of test/e2e/hosts.test.ts: a CloudFormation template and a Terraform file. */
const hostFiles = ['template.yaml', 'main.tf'] as const;

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

    test('a suggestion with placeholders: tab stops, equal ones typed once, lines indented as the list', async () => {
      const editor = await open('queues.iam.json');
      const diagnostics = await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'wildcard-resource'));
      const wildcard = diagnostics.find((x) => codeOf(x) === 'wildcard-resource')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, wildcard.range);
      const fix = actions.find((a) => a.title.includes('ARN templates'));
      assert.ok(fix?.edit, 'the suggestion with an edit');
      await vscode.workspace.applyEdit(fix.edit);
      for (const [i, value] of ['us-east-1', '111122223333', 'orders', 'alerts'].entries()) {
        if (i > 0) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        await vscode.commands.executeCommand('type', { text: value });
      }
      assert.match(
        editor.document.getText(),
        /"Resource": \[\n {8}"arn:aws:sqs:us-east-1:111122223333:orders",\n {8}"arn:aws:sns:us-east-1:111122223333:alerts"\n {6}\]/,
      );
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });

    test('a snippet expands into a whole policy', async () => {
      const editor = await open('new.iam.json');
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'iam-policy', name: 'IAM policy' });
      const policy = JSON.parse(editor.document.getText());
      assert.equal(policy.Version, '2012-10-17');
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });
    for (const file of hostFiles) {
      test(`${file}: the unknown action s3:PutObjet is an invalid-action finding on its line`, async () => {
        const editor = await open(file);
        const diagnostics = await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-action'));
        const finding = diagnostics.find((x) => codeOf(x) === 'invalid-action')!;
        assert.equal(finding.range.start.line, positionOf(editor.document, 's3:PutObjet').line);
        assert.match(finding.message, /s3:PutObjet is not an action/);
      });

      test(`${file}: completion after s3:GetObj in an Action value offers s3:GetObject`, async () => {
        const editor = await open(file);
        const start = positionOf(editor.document, 'ListBucket');
        await editor.edit((edit) => edit.replace(new vscode.Range(start, start.translate(0, 'ListBucket'.length)), 'GetObj'));
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          editor.document.uri,
          start.translate(0, 'GetObj'.length),
        );
        assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 's3:GetObject'));
        await vscode.commands.executeCommand('workbench.action.revertFile');
      });

      test(`${file}: the quick fix "Change to s3:PutObject" replaces the unknown action`, async () => {
        const editor = await open(file);
        const original = editor.document.getText();
        const diagnostics = await diagnosticsOf(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-action'));
        const finding = diagnostics.find((x) => codeOf(x) === 'invalid-action')!;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, finding.range);
        const fix = actions.find((a) => a.title === 'Change to s3:PutObject');
        assert.ok(fix?.edit, 'a quick fix with an edit');
        await vscode.workspace.applyEdit(fix.edit);
        const text = editor.document.getText();
        assert.equal(text, original.replace('s3:PutObjet', 's3:PutObject'));
        // Still a template or Terraform file the reader takes without syntax errors.
        const syntax = hostSyntax({ path: file })!;
        await prepareHost(syntax);
        assert.deepEqual(readHost(syntax, text)?.syntaxErrors, []);
        await vscode.commands.executeCommand('workbench.action.revertFile');
      });
    }

    test('a CI workflow that names an IAM role gets no findings', async () => {
      const workflow = await open('.github/workflows/ci.yml');
      // An edit of the template after the workflow opened: once its finding has moved down a line, the server has
      // answered for a later message than the workflow's open, so it has read the workflow too.
      const template = await open('template.yaml');
      const line = positionOf(template.document, 's3:PutObjet').line;
      await template.edit((edit) => edit.insert(new vscode.Position(0, 0), '# edited\n'));
      await diagnosticsOf(template.document.uri, (d) => d.some((x) => codeOf(x) === 'invalid-action' && x.range.start.line === line + 1));
      assert.deepEqual(vscode.languages.getDiagnostics(workflow.document.uri), []);
      await vscode.commands.executeCommand('workbench.action.revertFile');
    });
  });
}
