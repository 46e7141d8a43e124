/** The committed text of a file, read with git from the file's folder ("Compare with committed version"). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { committedText } from '../../client/src/committedText';

function git(folder: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

suite('client: committed text from git', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'iam-policy-committed-')));
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the committed version, from a subfolder; absent for a new file; errors said plainly', async () => {
    const repo = join(root, 'repo');
    mkdirSync(join(repo, 'policies', 'with space'), { recursive: true });
    const file = join(repo, 'policies', 'with space', 'app [1].json');
    writeFileSync(file, '\ufeff{"committed": true}');
    git(repo, 'init', '-q');
    assert.deepEqual(await committedText(file), { kind: 'error', message: 'The repository has no commits yet.' });
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    writeFileSync(file, '{"edited": true}');
    assert.deepEqual(await committedText(file), { kind: 'found', text: '{"committed": true}' });
    const added = join(repo, 'policies', 'new.json');
    writeFileSync(added, '{}');
    assert.deepEqual(await committedText(added), { kind: 'absent' });
    assert.deepEqual(await committedText(file, 'no-such-ref'), { kind: 'error', message: 'no-such-ref is not a revision of this repository.' });

    const outside = join(root, 'loose.json');
    writeFileSync(outside, '{}');
    assert.deepEqual(await committedText(outside), { kind: 'error', message: 'loose.json is not in a git repository.' });
  });
});
