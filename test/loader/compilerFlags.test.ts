/** The V8 flags the entries set (server/src/loader/compilerFlags.ts), and when a user's own arguments win. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compilerFlags } from '../../server/src/loader/compilerFlags';
import { serverFlagsIn } from '../../scripts/bench/clientSource.cjs';
import { repoPath } from '../support/paths';

const rows: { name: string; execArgv: string[]; expected: string[] }[] = [
  { name: 'no arguments: inlining off', execArgv: [], expected: ['--no-turbo-inlining'] },
  { name: 'unrelated arguments change nothing', execArgv: ['--max-semi-space-size=2', '--heap-growing-percent=50', '--inspect=6009'], expected: ['--no-turbo-inlining'] },
  { name: 'a flag that only starts alike changes nothing', execArgv: ['--turbo-inlining-extra', '--no-turbo'], expected: ['--no-turbo-inlining'] },
  { name: 'the user asks for inlining', execArgv: ['--turbo-inlining'], expected: [] },
  { name: 'the user turns it off themselves', execArgv: ['--no-turbo-inlining'], expected: [] },
  { name: 'V8 spellings: underscores, "no" without a dash, one dash', execArgv: ['--noturbo_inlining'], expected: [] },
  { name: 'one dash', execArgv: ['-turbo-inlining'], expected: [] },
  { name: 'with a value', execArgv: ['--turbo-inlining=false'], expected: [] },
];
for (const row of rows) {
  test(row.name, () => assert.deepEqual(compilerFlags(row.execArgv), row.expected));
}

test('V8 takes the flag at run time under its name (a misspelt flag would be refused)', () => {
  for (const flag of compilerFlags([])) {
    const result = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`, '--', ''], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '', `V8 said: ${result.stderr}`);
  }
});

test('the VS Code client gives the server every flag itself, so the entry does not load node:v8 at start', () => {
  // Read as the bench reads it (scripts/bench/clientSource.cjs): the client's `const execArgv = [...]`.
  const execArgv = serverFlagsIn(readFileSync(repoPath('client', 'src', 'languageClient.ts'), 'utf8'));
  assert.ok(execArgv, 'client/src/languageClient.ts has a `const execArgv = [...]`');
  assert.deepEqual(compilerFlags(execArgv), []);
  assert.ok(execArgv.includes('--no-turbo-inlining'), execArgv.join(' '));
});
