/** What the VSIX ships: exactly the bundles and the assets the manifest points at (issue #7). */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import readCatalogText from 'generated:iam-catalog';

const catalogText = readCatalogText();
import { repoPath } from './support/paths';

const expected = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.bundle.js',
  'dist/cli.js',
  'dist/client.js',
  'dist/iam-catalog.json',
  'dist/languageClient.js',
  'dist/server.bundle.js',
  'dist/server.js',
  // The tree-sitter runtime and the grammars of the hosts that need one (Terraform, CDK in TypeScript and Python).
  'dist/wasm/tree-sitter-python.wasm',
  'dist/wasm/tree-sitter-terraform.wasm',
  'dist/wasm/tree-sitter-tsx.wasm',
  'dist/wasm/tree-sitter-typescript.wasm',
  'dist/wasm/web-tree-sitter.wasm',
  'images/icon.png',
  'language-configuration.json',
  'package.json',
  'snippets/iam-policy.code-snippets',
  'syntaxes/iam-policy.tmLanguage.json',
];

suite('VSIX contents', () => {
  test('vsce ships the bundles, grammar, snippets, language configuration, docs, licence and icon, and nothing else', () => {
    const listing = execFileSync(process.execPath, [repoPath('node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], {
      cwd: repoPath(),
      encoding: 'utf8',
    });
    const files = listing.split('\n').map((line) => line.trim()).filter(Boolean).sort();
    assert.deepEqual(files, [...expected].sort());
    for (const file of files) assert.doesNotMatch(file, /node_modules|\.map$|\.ts$|^test\/|^server\/|^client\//, file);
  });
});

// esbuild.mjs has the server and CLI bundles read the IAM index from a file beside them (so V8 never reads or scans
// 3 MB of catalogue as part of a bundle's source), and the test bundles hold it in a comment read back through
// Function.prototype.toString (held once, never scanned as a string literal).
suite('Bundled IAM catalogue', () => {
  test('the text a bundle reads is the generated index, byte for byte', () => {
    assert.equal(catalogText, readFileSync(repoPath('generated', 'iam-catalog.json'), 'latin1'));
  });

  test('the server and CLI bundles hold no copy of the index and read the one beside them, the generated one', (t) => {
    if (!existsSync(repoPath('dist', 'server.bundle.js'))) return t.skip('no dist/ (npm run build)');
    assert.equal(readFileSync(repoPath('dist', 'iam-catalog.json'), 'latin1'), catalogText);
    for (const bundle of ['server.bundle.js', 'cli.bundle.js']) {
      const text = readFileSync(repoPath('dist', bundle), 'latin1');
      // The index's first member (its keys are sorted): the per-action facts.
      assert.doesNotMatch(text, /\{"actionFacts":\{"levels":"/, `${bundle} should not hold the index`);
      assert.match(text, /iam-catalog\.json/, `${bundle} should read the index file`);
    }
  });

  test('the server and CLI bundles call no import(): their entries run them as vm scripts, which have no loader for it', (t) => {
    if (!existsSync(repoPath('dist', 'server.bundle.js'))) return t.skip('no dist/ (npm run build)');
    for (const bundle of ['server.bundle.js', 'cli.bundle.js']) {
      assert.doesNotMatch(readFileSync(repoPath('dist', bundle), 'latin1'), /\bimport\(/, bundle);
    }
  });

  test('a CLI whose catalogue file is missing says which file, in one line, and exits 2', (t) => {
    if (!existsSync(repoPath('dist', 'cli.js'))) return t.skip('no dist/ (npm run build)');
    const folder = mkdtempSync(join(tmpdir(), 'iam-no-catalogue-'));
    try {
      copyFileSync(repoPath('dist', 'cli.js'), join(folder, 'cli.js'));
      copyFileSync(repoPath('dist', 'cli.bundle.js'), join(folder, 'cli.bundle.js'));
      const run = spawnSync(process.execPath, [join(folder, 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, IAM_POLICY_LINT_CODE_CACHE: 'off' } });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, `iam-policy-lint: internal error: the IAM catalogue ${join(folder, 'iam-catalog.json')} cannot be read (ENOENT); reinstall iam-policy-lint\n`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
