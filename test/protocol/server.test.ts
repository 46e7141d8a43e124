import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { LspProcess, type Notification } from '../support/lspClient';

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; range: { start: { line: number; character: number } }; severity: number }[];
}

const policyUri = 'file:///work/example.iam.json';

function diagnosticsFor(uri: string, version?: number) {
  return (n: Notification) =>
    n.method === 'textDocument/publishDiagnostics' &&
    (n.params as PublishedDiagnostics).uri === uri &&
    (version === undefined || (n.params as PublishedDiagnostics).version === version);
}

suite('language server over stdio (push diagnostics)', () => {
  let server: LspProcess;
  let capabilities: Record<string, unknown>;

  before(async () => {
    server = new LspProcess();
    const result = await server.request<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
    });
    capabilities = result.capabilities;
    assert.equal(result.serverInfo.name, 'iam-policy-language-server');
    await server.notify('initialized', {});
  });

  after(async () => {
    if (server.child.exitCode === null) await server.stop();
  });

  test('initialize announces completion, hover, code actions and sync', () => {
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.codeActionProvider);
    assert.equal(capabilities.textDocumentSync, 2);
    assert.equal(capabilities.diagnosticProvider, undefined, 'push only, since this client cannot pull');
  });

  test('didOpen publishes the structural diagnostics', async () => {
    await server.notify('textDocument/didOpen', {
      textDocument: {
        uri: policyUri,
        languageId: 'iam-policy',
        version: 1,
        text: '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Actions":"s3:GetObject"}]}',
      },
    });
    const published = (await server.waitFor(diagnosticsFor(policyUri, 1))).params as PublishedDiagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['invalid-effect', 'invalid-policy-element', 'missing-action', 'missing-resource']);
  });

  test('a burst of edits publishes diagnostics for the latest version', async () => {
    for (let version = 2; version <= 21; version++) {
      const effect = version === 21 ? 'Allow' : 'allow';
      await server.notify('textDocument/didChange', {
        textDocument: { uri: policyUri, version },
        contentChanges: [{ text: `{"Version":"2012-10-17","Statement":[{"Effect":"${effect}","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-bucket/*"}]}` }],
      });
    }
    const published = (await server.waitFor(diagnosticsFor(policyUri, 21))).params as PublishedDiagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), []);
  });

  test('a quick fix is offered for a diagnostic and its edit removes the finding', async () => {
    const uri = 'file:///work/quickfix.iam.json';
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::example-bucket/*"}]}';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
    const published = (await server.waitFor(diagnosticsFor(uri, 1))).params as PublishedDiagnostics;
    const effect = published.diagnostics.find((d) => d.code === 'invalid-effect');
    assert.ok(effect, 'invalid-effect is reported');
    const actions = await server.request<{ title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: { start: { character: number }; end: { character: number } }; newText: string }[]> } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: effect.range, context: { diagnostics: [effect], only: ['quickfix'] } },
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    const edits = fix.edit.changes[uri]!;
    // Single-line document: apply by character offsets, last edit first.
    const fixed = [...edits]
      .sort((a, b) => b.range.start.character - a.range.start.character)
      .reduce((t, e) => t.slice(0, e.range.start.character) + e.newText + t.slice(e.range.end.character), text);
    assert.match(fixed, /"Effect":"Allow"/);
    await server.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = (await server.waitFor(diagnosticsFor(uri, 2))).params as PublishedDiagnostics;
    assert.ok(!after.diagnostics.some((d) => d.code === 'invalid-effect'));
  });

  test('completion offers statement elements', async () => {
    const uri = 'file:///work/complete.iam.json';
    await server.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'iam-policy', version: 1, text: '{"Version":"2012-10-17","Statement":[{}]}' },
    });
    const list = await server.request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 38 },
    });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('Effect') && labels.includes('Action'), labels.join(', '));
  });

  test('hover on Version names the policy type', async () => {
    const hover = await server.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: policyUri },
      position: { line: 0, character: 3 },
    });
    assert.match(hover.contents.value, /identity-based policy/);
  });

  test('JSON documents are served only when they look like policies', async () => {
    const other = 'file:///work/package.json';
    await server.notify('textDocument/didOpen', {
      textDocument: { uri: other, languageId: 'json', version: 1, text: '{"name":"x","Effect":"allow"}' },
    });
    const policy = 'file:///work/policy.json';
    await server.notify('textDocument/didOpen', {
      textDocument: { uri: policy, languageId: 'json', version: 1, text: '{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"*","Resource":"*"}]}' },
    });
    const published = (await server.waitFor(diagnosticsFor(policy, 1))).params as PublishedDiagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['invalid-effect']);
    const unrelated = (await server.waitFor(diagnosticsFor(other))).params as PublishedDiagnostics;
    assert.deepEqual(unrelated.diagnostics, []);
  });

  test('garbage input does not kill the server', async () => {
    const uri = 'file:///work/garbage.iam.json';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: '\u0000{{[[:::"\ud800' } });
    const published = (await server.waitFor(diagnosticsFor(uri, 1))).params as PublishedDiagnostics;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['json-syntax-error']);
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } });
    assert.equal(hover, null);
  });

  test('shutdown and exit end the process cleanly', async () => {
    assert.equal(await server.stop(), 0);
  });
});

suite('language server over stdio (pull diagnostics)', () => {
  test('a client that pulls gets diagnostics through textDocument/diagnostic', async () => {
    const server = new LspProcess();
    try {
      const result = await server.request<{ capabilities: { diagnosticProvider?: unknown } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
      });
      assert.ok(result.capabilities.diagnosticProvider);
      await server.notify('initialized', {});
      const uri = 'file:///work/pull.iam.json';
      await server.notify('textDocument/didOpen', {
        textDocument: { uri, languageId: 'iam-policy', version: 1, text: '{"Version":"2012-10-17","Statement":[{"Effect":"Deny"}]}' },
      });
      const report = await server.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.ok(report.items.some((d) => d.code === 'missing-action'));
    } finally {
      await server.stop();
    }
  });
});
