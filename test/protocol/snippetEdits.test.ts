/**
 * Over stdio: a client that announces `workspace.workspaceEdit.snippetEditSupport` gets the placeholders of a
 * suggestion or refactoring as snippet tab stops (LSP 3.18 SnippetTextEdit in documentChanges); a client that does
 * not gets the same edits as plain text; a client that re-indents snippet lines (VS Code, through our client's
 * initializationOptions) gets them without the start line's indentation.
 */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { sendAndPublishOnEveryResource } from '../support/documents';
import { LspProcess, type Notification } from '../support/lspClient';

interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Edit {
  range: Diagnostic['range'];
  newText?: string;
  snippet?: { kind: string; value: string };
}
interface Action {
  title: string;
  kind: string;
  data?: unknown;
  edit: { changes?: Record<string, Edit[]>; documentChanges?: { textDocument: { uri: string; version: number }; edits: Edit[] }[] };
}

const text = sendAndPublishOnEveryResource;

async function started(workspaceEdit: Record<string, unknown> | undefined, initializationOptions?: unknown): Promise<LspProcess> {
  const server = new LspProcess();
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: workspaceEdit ? { workspace: { workspaceEdit } } : {}, initializationOptions });
  await server.notify('initialized', {});
  return server;
}

async function opened(server: LspProcess, uri: string): Promise<Diagnostic[]> {
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 7, text } });
  const published = await server.waitFor((n: Notification) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri);
  return (published.params as { diagnostics: Diagnostic[] }).diagnostics;
}

/** The suggestion of wildcard-resource and the Scope Resource refactoring, on the "*" of line 8. */
async function placeholderActions(server: LspProcess, uri: string): Promise<{ suggestion: Action; refactoring: Action }> {
  const diagnostics = await opened(server, uri);
  const wildcard = diagnostics.find((d) => d.code === 'wildcard-resource');
  assert.ok(wildcard, 'wildcard-resource is reported');
  const actions = await server.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: wildcard.range, context: { diagnostics: [wildcard] } });
  const suggestion = actions.find((a) => a.kind === 'quickfix');
  const refactoring = actions.find((a) => a.kind === 'refactor.rewrite.iam-policy.scope-resource');
  assert.ok(suggestion && refactoring, actions.map((a) => a.title).join('\n'));
  return { suggestion, refactoring };
}

const snippetLines = [
  '"arn:aws:sqs:${1:\\${Region\\}}:${2:\\${Account\\}}:${3:\\${QueueName\\}}",',
  '        "arn:aws:sns:${1:\\${Region\\}}:${2:\\${Account\\}}:${4:\\${TopicName\\}}"',
];

suite('snippet edits over stdio', () => {
  const servers: LspProcess[] = [];
  after(async () => {
    for (const server of servers) if (server.child.exitCode === null) await server.stop();
  });

  suite('a client with snippetEditSupport', () => {
    let server: LspProcess;
    before(async () => servers.push((server = await started({ documentChanges: true, snippetEditSupport: true }))));

    test('gets the placeholders as tab stops, in documentChanges with the document version', async () => {
      const uri = 'file:///work/snippets.iam.json';
      const { suggestion, refactoring } = await placeholderActions(server, uri);
      for (const action of [suggestion, refactoring]) {
        assert.equal(action.data, undefined);
        assert.equal(action.edit.changes, undefined);
        const [change] = action.edit.documentChanges!;
        assert.deepEqual(change!.textDocument, { uri, version: 7 });
        const [edit] = change!.edits;
        assert.deepEqual(edit!.snippet, { kind: 'snippet', value: snippetLines.join('\n') }, action.title);
        assert.equal(edit!.newText, undefined);
      }
    });
  });

  suite('a client without it', () => {
    let server: LspProcess;
    before(async () => servers.push((server = await started(undefined))));

    test('gets the same edits as plain text', async () => {
      const uri = 'file:///work/plain.iam.json';
      const { suggestion, refactoring } = await placeholderActions(server, uri);
      for (const action of [suggestion, refactoring]) {
        assert.equal(action.data, undefined);
        assert.equal(action.edit.documentChanges, undefined);
        const [edit] = action.edit.changes![uri]!;
        assert.equal(edit!.newText, '"arn:aws:sqs:${Region}:${Account}:${QueueName}",\n        "arn:aws:sns:${Region}:${Account}:${TopicName}"');
      }
    });

    test('snippetEditSupport without documentChanges (where LSP puts snippet edits) is no support', async () => {
      const other = await started({ snippetEditSupport: true });
      servers.push(other);
      const { suggestion } = await placeholderActions(other, 'file:///work/changes-only.iam.json');
      assert.ok(suggestion.edit.changes);
    });
  });

  suite('a client that indents snippet lines (VS Code)', () => {
    let server: LspProcess;
    before(async () => servers.push((server = await started({ documentChanges: true, snippetEditSupport: true }, { snippetEditIndentation: 'startLine' }))));

    test('gets the lines after the first without the start line\'s indentation', async () => {
      const { suggestion } = await placeholderActions(server, 'file:///work/vscode.iam.json');
      const [edit] = suggestion.edit.documentChanges![0]!.edits;
      assert.equal(edit!.snippet!.value, [snippetLines[0], snippetLines[1]!.trimStart()].join('\n'));
    });
  });
});
