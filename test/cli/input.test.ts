import assert from 'node:assert/strict';
import { chmodSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { assertOneLine, fixture, runCli, workspace, type JsonReport } from './cliProcess';
import { decodeUtf8 } from '../../server/src/cli/files';

function paths(run: { stdout: string }): string[] {
  return (JSON.parse(run.stdout) as JsonReport).files.map((f) => f.path);
}

/** Exit 2, nothing on stdout, one line on stderr matching `message`. */
function assertUsageError(run: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(assertOneLine(run.stderr), message);
}

const notUtf8 = Uint8Array.from([0x7b, 0x22, 0x56, 0xe9, 0x22, 0x7d]); // {"Vé"} in Latin-1

suite('CLI inputs: files, folders, globs', () => {
  const folder = workspace({
    'policies/a.iam.json': 'clean.iam.json',
    'policies/team/b.trust.json': 'role.trust.json',
    'policies/team/raw.json': 'clean.iam.json',
    'policies/node_modules/dep/c.iam.json': 'lowercase-effect.iam.json',
    'policies/.hidden/d.iam.json': 'lowercase-effect.iam.json',
    'policies/package.json': { text: '{"name": "x"}' },
    'other/e.iam.json': 'clean.iam.json',
  });

  test('a folder is searched recursively for the policy file patterns and JSON that looks like a policy, skipping node_modules', () => {
    assert.deepEqual(paths(runCli(['--format', 'json', 'policies'], { cwd: folder })), [
      'policies/.hidden/d.iam.json',
      'policies/a.iam.json',
      'policies/team/b.trust.json',
      'policies/team/raw.json',
    ]);
  });

  test('a named file is linted whatever its name; duplicates are linted once', () => {
    assert.deepEqual(paths(runCli(['--format', 'json', 'policies/team/raw.json', 'policies/a.iam.json', 'policies'], { cwd: folder })), [
      'policies/team/raw.json',
      'policies/a.iam.json',
      'policies/.hidden/d.iam.json',
      'policies/team/b.trust.json',
    ]);
  });

  test('a glob the shell did not expand is expanded (no dot folders, no node_modules)', () => {
    assert.deepEqual(paths(runCli(['--format', 'json', 'policies/**/*.json'], { cwd: folder })), [
      'policies/a.iam.json',
      'policies/package.json',
      'policies/team/b.trust.json',
      'policies/team/raw.json',
    ]);
    assert.deepEqual(paths(runCli(['--format', 'json', './policies/team/*.json'], { cwd: folder })), ['policies/team/b.trust.json', 'policies/team/raw.json']);
    assert.deepEqual(paths(runCli(['--format', 'json', '{policies,other}/*.iam.json'], { cwd: folder })), ['policies/a.iam.json', 'other/e.iam.json']);
    assert.deepEqual(paths(runCli(['--format', 'json', `${folder}/other/*.json`], { cwd: folder })), ['other/e.iam.json']);
  });

  test('a glob that matches nothing is exit 2 naming it', () => {
    assertUsageError(runCli(['policies/**/*.yaml'], { cwd: folder }), /^iam-policy-lint: policies\/\*\*\/\*\.yaml: no files match this glob$/);
  });
});

suite('CLI inputs: standard input', () => {
  const folder = workspace({});

  test('- reads the policy from standard input', () => {
    const run = runCli(['--format', 'json', '-'], { cwd: folder, input: fixture('lowercase-effect.iam.json') });
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.files[0]!.path, '<stdin>');
    assert.ok(report.files[0]!.problems.some((p) => p.ruleId === 'invalid-effect'));
  });

  test('--stdin-filename names the input for the policy type and the output', () => {
    const run = runCli(['-', '--stdin-filename', 'roles/lambda.trust.json', '--format', 'json'], { cwd: folder, input: fixture('clean.iam.json') });
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual([report.files[0]!.path, report.files[0]!.policyType], ['roles/lambda.trust.json', 'trust']);
    const text = runCli(['-', '--stdin-filename', 'x.iam.json'], { cwd: folder, input: fixture('lowercase-effect.iam.json') });
    assert.match(text.stdout, /^x\.iam\.json\n/);
  });

  test('--fix-dry-run with - reports the fixed text (JSON "output"); --fix with - is refused', () => {
    const run = runCli(['--fix-dry-run', '--format', 'json', '-'], { cwd: folder, input: fixture('lowercase-effect.iam.json') });
    assert.equal((JSON.parse(run.stdout) as JsonReport).files[0]!.output, fixture('lowercase-effect.iam.json').replace('"allow"', '"Allow"'));
    assertUsageError(runCli(['--fix', '-'], { cwd: folder, input: '{}' }), /--fix: standard input cannot be fixed in place; use --fix-dry-run/);
  });

  test('standard input that is not UTF-8 is exit 2', () => {
    assertUsageError(runCli(['-'], { cwd: folder, input: Buffer.from(notUtf8) }), /<stdin>: not valid UTF-8 text/);
  });

  test('- cannot be mixed with files; --stdin-filename needs -', () => {
    const files = workspace({ 'a.iam.json': 'clean.iam.json' });
    assertUsageError(runCli(['-', 'a.iam.json'], { cwd: files, input: '{}' }), /^iam-policy-lint: -: standard input cannot be combined/);
    assertUsageError(runCli(['--stdin-filename', 'x.json', 'a.iam.json'], { cwd: files }), /--stdin-filename: only used with -/);
  });
});

suite('CLI bad input: exit 2, one line naming the file or flag, nothing written', () => {
  const folder = workspace({ 'a.iam.json': 'lowercase-effect.iam.json', 'empty/readme.txt': { text: 'no policies here' } });
  let socketServer: Server | undefined;
  after(() => socketServer?.close());

  test('a path that does not exist', () => {
    assertUsageError(runCli(['missing.iam.json'], { cwd: folder }), /^iam-policy-lint: missing\.iam\.json: no such file or folder$/);
    symlinkSync(join(folder, 'gone.json'), join(folder, 'dangling.iam.json'));
    assertUsageError(runCli(['dangling.iam.json'], { cwd: folder }), /dangling\.iam\.json: no such file or folder/);
  });

  test('a file that is not valid UTF-8', () => {
    const files = workspace({ 'latin1.iam.json': { bytes: notUtf8 } });
    assertUsageError(runCli(['latin1.iam.json'], { cwd: files }), /^iam-policy-lint: latin1\.iam\.json: not valid UTF-8 text$/);
  });

  test('a file that cannot be read', async () => {
    // A socket is neither a file nor a folder; reading it fails even for root (who can read a chmod 000 file).
    const files = workspace({});
    socketServer = createServer();
    await new Promise<void>((resolve) => socketServer!.listen(join(files, 'socket.iam.json'), resolve));
    assertUsageError(runCli(['socket.iam.json'], { cwd: files }), /^iam-policy-lint: socket\.iam\.json: cannot read \(\w+\)$/);
    if (process.getuid?.() !== 0) {
      const locked = workspace({ 'locked.iam.json': 'clean.iam.json' });
      chmodSync(join(locked, 'locked.iam.json'), 0);
      assertUsageError(runCli(['locked.iam.json'], { cwd: locked }), /locked\.iam\.json: cannot read \(EACCES\)/);
    }
  });

  test('a folder without policy files', () => {
    assertUsageError(runCli(['empty'], { cwd: folder }), /^iam-policy-lint: empty: no policy files found \(patterns: \*\.iam\.json, /);
  });

  const badFlags: [string[], RegExp][] = [
    [['--nope', 'a.iam.json'], /'--nope'/],
    [['--format', 'xml', 'a.iam.json'], /--format xml: expected text, json or sarif/],
    [['--policy-type', 'admin', 'a.iam.json'], /--policy-type admin: expected one of identity, /],
    [['--rule', 'invalid-effect', 'a.iam.json'], /--rule invalid-effect: expected <id>=/],
    [['--rule', 'no-such-rule=error', 'a.iam.json'], /--rule no-such-rule=error: unknown rule/],
    [['--rule', 'invalid-effect=loud', 'a.iam.json'], /--rule invalid-effect=loud: expected/],
    [['--max-warnings', 'many', 'a.iam.json'], /--max-warnings many: expected a whole number/],
    [['--max-warnings=-1', 'a.iam.json'], /--max-warnings -1: expected a whole number/],
    [['--format'], /--format/],
    [['--fix', '--fix-dry-run', 'a.iam.json'], /--fix and --fix-dry-run/],
    [[], /no files or folders given/],
  ];
  for (const [args, message] of badFlags) {
    test(`bad flags: ${args.join(' ') || '(none)'}`, () => {
      assertUsageError(runCli(args, { cwd: folder }), message);
    });
  }

  test('bad flags with --fix write nothing', () => {
    assertUsageError(runCli(['--fix', '--format', 'xml', 'a.iam.json'], { cwd: folder }), /--format xml/);
    assert.equal(runCli(['--format', 'json', 'a.iam.json'], { cwd: folder }).code, 1, 'a.iam.json still has its problem');
  });
});

suite('decoding a file as UTF-8', () => {
  test('valid UTF-8 is decoded whole; a byte order mark is taken off and flagged; anything else is refused', () => {
    const ok = (bytes: number[] | string) => decodeUtf8(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Uint8Array.from(bytes), 'f');
    assert.deepEqual(ok(''), { text: '', bom: false });
    assert.deepEqual(ok('{"Sid": "ü€😀"}'), { text: '{"Sid": "ü€😀"}', bom: false });
    assert.deepEqual(ok([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), { text: '{}', bom: true });
    assert.deepEqual(ok([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), { text: '\ufeff', bom: true }, 'only the first mark');
    // A view into a larger buffer decodes only its own bytes.
    assert.deepEqual(decodeUtf8(Buffer.from('xx{}yy').subarray(2, 4), 'f'), { text: '{}', bom: false });
    const refused: [string, number[]][] = [
      ['Latin-1', [0x7b, 0xe9, 0x7d]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an encoded surrogate (CESU-8)', [0xed, 0xa0, 0x80]],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['a truncated sequence', [0x7b, 0xe2, 0x82]],
      ['a lone continuation byte', [0x80]],
    ];
    for (const [what, bytes] of refused) assert.throws(() => ok(bytes), /f: not valid UTF-8 text/, what);
  });
});
