/** The project config's neverAllow reaches the editor: the server reads .iampolicy.json beside the file. */
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, suite, test } from 'node:test';
import { LspProcess } from '../support/lspClient';

suite('language server over stdio: neverAllow from .iampolicy.json', () => {
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'iam-policy-never-')));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('a grant of a listed action is an error diagnostic; the same policy elsewhere is not', async () => {
    writeFileSync(join(folder, '.iampolicy.json'), '{"neverAllow": {"actions": ["iam:CreateAccessKey"]}}');
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}';
    const server = new LspProcess();
    try {
      await server.request('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
      await server.notify('initialized', {});
      const codes = async (uri: string) => {
        await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text } });
        const report = await server.request<{ items: { code: string; severity: number; message: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
        return report.items.filter((d) => d.code === 'never-allowed-access');
      };
      const inside = await codes(pathToFileURL(join(folder, 'app.iam.json')).href);
      assert.equal(inside.length, 1);
      assert.equal(inside[0]!.severity, 1);
      assert.match(inside[0]!.message, /allows iam:CreateAccessKey, which the project config forbids/);
      assert.deepEqual(await codes('file:///elsewhere/app.iam.json'), []);
    } finally {
      await server.stop();
    }
  });
});
