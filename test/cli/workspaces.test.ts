/**
 * The CLI tests' temporary folders (cliProcess.ts `workspace()`) are removed when the test process exits; they used
 * to stay in the temporary folder, 40 and more per run. The check runs this file again as a child process with
 * its own TMPDIR, where it only makes folders (no tests), and looks at what the child left.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { read, workspace } from './cliProcess';

const probe = 'IAM_CLI_WORKSPACE_PROBE';

if (process.env[probe] === '1') {
  const plain = workspace({ 'a.iam.json': 'clean.iam.json' });
  const locked = workspace({ 'deep/er/locked.iam.json': { text: '{}' }, 'b.json': { bytes: new Uint8Array([0xff]) } });
  chmodSync(join(locked, 'deep/er/locked.iam.json'), 0);
  process.stdout.write(JSON.stringify([plain, locked]));
} else {
  suite('CLI test workspaces', () => {
    test('are there while the process runs and gone when it exits', (t) => {
      const file = process.argv[1];
      if (!file?.endsWith('.mjs')) return t.skip('not run as a bundled test file');
      const own = workspace({ 'a.iam.json': 'clean.iam.json' });
      assert.ok(read(own, 'a.iam.json').length > 0, 'this process keeps its own until it exits');
      const temporary = mkdtempSync(join(tmpdir(), 'iam-policy-workspaces-'));
      try {
        const child = spawnSync(process.execPath, [file], { env: { ...process.env, [probe]: '1', TMPDIR: temporary, TMP: temporary, TEMP: temporary }, encoding: 'utf8', timeout: 60_000 });
        assert.equal(child.status, 0, child.stderr);
        const made = JSON.parse(child.stdout) as string[];
        assert.equal(made.length, 2);
        for (const folder of made) assert.ok(!existsSync(folder), `${folder} is removed`);
        assert.deepEqual(readdirSync(temporary), []);
      } finally {
        rmSync(temporary, { recursive: true, force: true });
      }
    });
  });
}
