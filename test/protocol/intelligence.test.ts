import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-types';
import { cursor } from '../support/markers';
import { LspProcess } from '../support/lspClient';

/** Completion and hover from the catalogue, driven over real stdio. */
suite('language server over stdio: completion and hover from the catalogue', () => {
  let server: LspProcess;
  let version = 0;
  const uri = 'file:///work/intelligence.iam.json';

  /** Replaces the document with `source` (its `|` is the cursor) and returns the cursor position. */
  async function open(source: string): Promise<{ position: Position; text: string }> {
    const { text, offset } = cursor(source);
    version++;
    if (version === 1) {
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version, text } });
    } else {
      await server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const lines = text.slice(0, offset).split('\n');
    return { position: { line: lines.length - 1, character: lines.at(-1)!.length }, text };
  }

  async function complete(source: string): Promise<{ list: CompletionList; text: string }> {
    const { position, text } = await open(source);
    const list = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    return { list, text };
  }

  function applyOnOneLine(text: string, edit: TextEdit): string {
    assert.equal(edit.range.start.line, 0);
    return text.slice(0, edit.range.start.character) + edit.newText + text.slice(edit.range.end.character);
  }

  before(async () => {
    server = new LspProcess();
    await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await server.notify('initialized', {});
  });

  after(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  test('action completion inside a half-typed string', async () => {
    const { list, text } = await complete('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get|');
    const item = list.items.find((i) => i.label === 's3:GetObject');
    assert.ok(item, 'offers s3:GetObject');
    assert.equal(item.detail, 'Read');
    assert.equal(applyOnOneLine(text, item.textEdit as TextEdit), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"');
    assert.ok(list.items.some((i) => i.label === 's3:Get*'));
  });

  test('resource completion offers the ARN templates of the statement actions', async () => {
    const { list } = await complete('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"|"}]}');
    const item = list.items.find((i) => i.label === 'arn:${Partition}:s3:::${BucketName}/${ObjectName}');
    assert.ok(item);
    assert.equal(item.insertTextFormat, 2);
  });

  test('condition key completion', async () => {
    const { list } = await complete('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:Req|"}}}]}');
    assert.ok(list.items.some((i) => i.label === 'aws:RequestedRegion'));
  });

  test('hover on an action and on Effect', async () => {
    const { position } = await open('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Pass|Role","Resource":"*"}]}');
    const hover = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
    assert.match((hover.contents as MarkupContent).value, /\*\*iam:PassRole\*\*/);
    const effect = await server.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 42 } });
    assert.match((effect.contents as MarkupContent).value, /^\*\*Allows 1 action in 1 service/);
  });
});
