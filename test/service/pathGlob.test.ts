/**
 * The settings' path globs (shared/pathGlob.ts), which replaced minimatch in the server's policy-type choice and the
 * client's file patterns (known failure K10: extglobs took exponential time). For the syntax we support, the answers
 * are minimatch's with the options the two used (the server: dot, matchBase for globs without `/`, nocase; the
 * client: dot); minimatch stays a dev dependency as the reference. Where we differ on purpose, the test says so.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { minimatch } from 'minimatch';
import { compilePathGlob, escapePathGlob, matchPathGlob, maxAlternatives } from '../../shared/pathGlob';
import { Random } from '../robustness/random';

const server = { ignoreCase: true, matchBase: true } as const;

/** What the server used to answer: minimatch with its options. */
function minimatchServer(glob: string, path: string): boolean {
  return minimatch(path, glob, { dot: true, matchBase: !glob.includes('/'), nocase: true });
}

function minimatchClient(glob: string, path: string): boolean {
  return minimatch(path, glob, { dot: true });
}

suite('path globs of the settings', () => {
  // [glob, path, expected for the server (case-insensitive, base name for globs without /), expected for the client]
  const table: [string, string, boolean, boolean][] = [
    ['**/scps/*.json', '/repo/org/scps/a.trust.json', true, true],
    ['**/scps/*.json', '/repo/org/scps/deeper/a.json', false, false],
    ['**/trust/*.json', '/repo/Trust/role.JSON', true, false],
    ['boundary-*.json', '/repo/a/b/boundary-dev.json', true, false],
    ['boundary-*.json', 'boundary-dev.json', true, true],
    ['*.json', '/repo/.vscode/settings.json', true, false],
    ['.vscode/*.json', '.vscode/settings.json', true, true],
    ['**', '/any/path/at/all.json', true, true],
    ['**/*', '/a.json', true, true],
    ['/tmp/*.json', '/tmp/a.json', true, true],
    ['/tmp/*.json', '/tmp/x/a.json', false, false],
    ['*/a.json', '/a.json', false, false],
    ['**/a.json', '/a.json', true, true],
    ['policies/**', 'policies', false, false],
    ['policies/**', 'policies/a.json', true, true],
    ['policies/**', 'policies/x/y/a.json', true, true],
    ['policies/**/*.json', 'policies/a.json', true, true],
    ['policies/**/**/*.json', 'policies/a/b/c.json', true, true],
    ['a?c.json', 'abc.json', true, true],
    ['a?c.json', 'ac.json', false, false],
    ['a?c.json', 'a/c.json', false, false],
    ['a*c', 'a/c', false, false],
    ['*.{trust,scp}.json', 'x.scp.json', true, true],
    ['*.{trust,scp}.json', 'x.rcp.json', false, false],
    ['{a,b/{c,d}}/*.json', 'b/d/x.json', true, true],
    ['{a,b/{c,d}}/*.json', 'b/e/x.json', false, false],
    ['x{a}.json', 'x{a}.json', true, true],
    ['x{a,}.json', 'x.json', true, true],
    ['app[12].json', 'app2.json', true, true],
    ['app[12].json', 'app3.json', false, false],
    ['app[!12].json', 'app3.json', true, true],
    ['app[^12].json', 'app1.json', false, false],
    ['app[a-c].json', 'appB.json', true, false],
    ['app[]].json', 'app].json', true, true],
    ['app[.json', 'app[.json', true, true],
    ['**/policies/app\\[1\\].json', '/work/project/policies/app[1].json', true, true],
    ['**/policies/app\\[1\\].json', '/work/project/policies/app1.json', false, false],
    ['/tmp/a\\*.json', '/tmp/a*.json', true, true],
    ['/tmp/a\\*.json', '/tmp/ab.json', false, false],
    ['a**b.json', 'axxb.json', true, true],
    ['**/*-policy.json', '/r/a-policy.json', true, true],
  ];

  test('a table of globs and paths: the documented syntax, as minimatch answered it', () => {
    for (const [glob, path, forServer, forClient] of table) {
      assert.equal(matchPathGlob(glob, path, server), forServer, `server: ${glob} ${path}`);
      assert.equal(matchPathGlob(glob, path), forClient, `client: ${glob} ${path}`);
      assert.equal(minimatchServer(glob, path), forServer, `minimatch as the server used it: ${glob} ${path}`);
      assert.equal(minimatchClient(glob, path), forClient, `minimatch as the client used it: ${glob} ${path}`);
    }
  });

  test('random globs of the supported syntax against random paths: the same answers as minimatch (seeded)', () => {
    const random = new Random(20_260_910);
    const pieces = ['a', 'b', 'A', '.', '-', '*', '?', '[ab]', '[!a]', '[a-c]', '[A-C]', '{a,b}', '{a,}', '{x,a*}', '\\*', '\\[', '\\{'];
    const pathCharacters = ['a', 'b', 'c', 'x', 'A', 'B', '.', '-', '*', '[', ']', '{', '}', ','];
    const segment = (choices: readonly string[], max: number) => Array.from({ length: 1 + random.int(max) }, () => random.pick(choices)).join('');
    // `.` and `..` segments are resolved by minimatch and plain names here; paths from the editor have none.
    const plain = (part: string) => (part === '.' || part === '..' ? `${part}x` : part);
    let compared = 0;
    let matched = 0;
    while (compared < 4_000) {
      const parts = Array.from({ length: 1 + random.int(3) }, () => (random.chance(0.15) ? '**' : plain(segment(pieces, 3))));
      const glob = (random.chance(0.2) ? '/' : '') + parts.join('/');
      if (minimatch.braceExpand(glob).some((expanded) => expanded.split('/').some((part) => part === '.' || part === '..'))) continue;
      const path = (random.chance(0.5) ? '/' : '') + Array.from({ length: 1 + random.int(4) }, () => plain(segment(pathCharacters, 3))).join('/');
      const expected = [minimatchServer(glob, path), minimatchClient(glob, path)];
      assert.deepEqual([matchPathGlob(glob, path, server), matchPathGlob(glob, path)], expected, `${JSON.stringify(glob)} against ${JSON.stringify(path)}`);
      compared++;
      if (expected[0] || expected[1]) matched++;
    }
    assert.ok(matched > 200, `${matched} of the pairs match (the comparison is not all "no")`);
  });

  test('unsupported syntax is plain characters: extglobs, a leading !, {1..3}, POSIX classes', () => {
    const plain: [string, string, boolean][] = [
      // The K10 glob: minimatch made it a backtracking regular expression (seconds for 30 characters).
      ['+(a|aa)+(a|aa)+(a|aa)b', `${'a'.repeat(30)}.json`, false],
      ['+(a|aa)+(a|aa)+(a|aa)b', '+(a|aa)+(a|aa)+(a|aa)b', true],
      ['@(x|y).json', 'x.json', false],
      ['@(x|y).json', '@(x|y).json', true],
      ['!(x).json', 'y.json', false],
      ['!*.json', 'a.json', false],
      ['!*.json', '!a.json', true],
      ['x{1..3}.json', 'x2.json', false],
      ['x{1..3}.json', 'x{1..3}.json', true],
      ['[[:alpha:]].json', 'a.json', false],
      // A backslash before a character without a meaning is that character (minimatch matched nothing).
      ['\\a.json', 'a.json', true],
      // `*(...)`: the star keeps its meaning, the parentheses are plain.
      ['*(a|b).json', 'x(a|b).json', true],
    ];
    for (const [glob, path, expected] of plain) assert.equal(matchPathGlob(glob, path, server), expected, `${glob} ${path}`);
  });

  test('braces that would expand to too many globs are plain characters', () => {
    const nine = '{a,b}'.repeat(9); // 512 alternatives
    assert.ok(2 ** 9 > maxAlternatives);
    assert.equal(matchPathGlob(`${nine}.json`, `${'a'.repeat(9)}.json`), false);
    assert.equal(matchPathGlob(`${nine}.json`, `${nine}.json`), true);
    const eight = '{a,b}'.repeat(8); // 256: still expanded
    assert.equal(matchPathGlob(`${eight}.json`, `${'ab'.repeat(4)}.json`), true);
    // Deeply nested groups stop early as well.
    const nested = `${'{a,'.repeat(5_000)}b${'}'.repeat(5_000)}`;
    assert.equal(matchPathGlob(nested, 'b'), false);
    assert.equal(matchPathGlob(nested, nested), true);
  });

  test('answers fast where minimatch took exponential or quadratic time (no timing: the run would hang)', () => {
    const globs = [
      '+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)+(a|aa)b',
      `${'*a'.repeat(2_000)}b`,
      `**/${'**/'.repeat(2_000)}x`,
      '{'.repeat(50_000),
      `${'{a}'.repeat(20_000)}`,
      `[${'a-'.repeat(10_000)}`,
      '[\\]'.repeat(20_000),
      '['.repeat(50_000),
    ];
    const path = `/${'a/'.repeat(500)}${'a'.repeat(5_000)}`;
    for (const glob of globs) {
      assert.equal(matchPathGlob(glob, path, server), false, glob.slice(0, 40));
      assert.equal(matchPathGlob(glob, path), false, glob.slice(0, 40));
    }
  });

  test('an escaped path matches that path and only it', () => {
    const names = ['/w/app[1].json', '/w/a*b?.json', '/w/{a,b}.json', '/w/x\\y.json', '/w/!(neg).json', '/w/[!a].json'];
    for (const name of names) {
      const glob = escapePathGlob(name);
      assert.equal(matchPathGlob(glob, name), true, glob);
      assert.equal(matchPathGlob(glob, name, server), true, glob);
      for (const other of names) if (other !== name) assert.equal(matchPathGlob(glob, other), false, `${glob} ${other}`);
    }
    assert.equal(matchPathGlob(escapePathGlob('/w/a*b?.json'), '/w/aXbY.json'), false);
  });

  test('a glob is compiled once per options', () => {
    assert.equal(compilePathGlob('**/*.json', server), compilePathGlob('**/*.json', server));
    assert.notEqual(compilePathGlob('**/*.json', server), compilePathGlob('**/*.json'));
  });
});
