/** What the VSIX ships: exactly the bundles and the assets the manifest points at (issue #7). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import catalogText from 'generated:iam-catalog';
import { repoPath } from './support/paths';

const expected = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/client.js',
  'dist/languageClient.js',
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

// esbuild.mjs puts the IAM index in a comment that the bundle reads back through Function.prototype.toString, so V8
// holds it once (in the script's source) instead of twice, and never scans it as a 3 MB string literal.
suite('Bundled IAM catalogue', () => {
  test('the text a bundle reads is the generated index, byte for byte', () => {
    assert.equal(catalogText, readFileSync(repoPath('generated', 'iam-catalog.json'), 'latin1'));
  });

  test('dist/server.js and dist/cli.js hold the index once, in a comment, not as a string literal', (t) => {
    if (!existsSync(repoPath('dist', 'server.js'))) return t.skip('no dist/ (npm run build)');
    for (const bundle of ['server.js', 'cli.js']) {
      const text = readFileSync(repoPath('dist', bundle), 'latin1');
      // The index's first member (its keys are sorted): the per-action facts.
      const starts = [...text.matchAll(/\{"actionFacts":\{"levels":"/g)].map((match) => match.index);
      assert.equal(starts.length, 1, `${bundle} should hold the index once`);
      assert.equal(text.slice(starts[0] - 3, starts[0]), '/*!', `${bundle} should hold the index in a legal comment`);
    }
  });
});
