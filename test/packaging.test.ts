/** What the VSIX ships: exactly the bundles and the assets the manifest points at (issue #7). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { suite, test } from 'node:test';
import { repoPath } from './support/paths';

const expected = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/client.js',
  'dist/server.js',
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
