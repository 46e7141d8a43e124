/** The entries' code cache (server/src/loader/codeCache.ts): where it lives, its file format, and the built entries. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { Script } from 'node:vm';
import { cacheFolder, cacheKey, codeCacheSupported, compileBundle, decodeCache, encodeCache, worthComparing } from '../../server/src/loader/codeCache';
import { LspProcess } from '../support/lspClient';
import { repoPath } from '../support/paths';

suite('cacheFolder', () => {
  const rows: { name: string; env: Record<string, string>; home?: string; platform: string; expected: string | undefined }[] = [
    { name: 'Linux: ~/.cache', env: {}, home: '/home/ana', platform: 'linux', expected: '/home/ana/.cache/iam-policy-lint' },
    { name: 'Linux: XDG_CACHE_HOME', env: { XDG_CACHE_HOME: '/var/cache/ana' }, home: '/home/ana', platform: 'linux', expected: '/var/cache/ana/iam-policy-lint' },
    { name: 'Linux: a relative XDG_CACHE_HOME is ignored', env: { XDG_CACHE_HOME: 'cache' }, home: '/home/ana', platform: 'linux', expected: '/home/ana/.cache/iam-policy-lint' },
    { name: 'macOS: ~/Library/Caches', env: { XDG_CACHE_HOME: '/x' }, home: '/Users/ana', platform: 'darwin', expected: '/Users/ana/Library/Caches/iam-policy-lint' },
    { name: 'Windows: LOCALAPPDATA', env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, home: 'C:\\Users\\ana', platform: 'win32', expected: join('C:\\Users\\ana\\AppData\\Local', 'iam-policy-lint', 'Cache') },
    { name: 'Windows without LOCALAPPDATA: none', env: {}, home: 'C:\\Users\\ana', platform: 'win32', expected: undefined },
    { name: 'no home folder: none', env: {}, platform: 'linux', expected: undefined },
    { name: 'the variable names the folder', env: { IAM_POLICY_LINT_CODE_CACHE: '/srv/cache' }, home: '/home/ana', platform: 'linux', expected: '/srv/cache' },
    { name: 'the variable wins without a home folder', env: { IAM_POLICY_LINT_CODE_CACHE: '/srv/cache' }, platform: 'linux', expected: '/srv/cache' },
    { name: 'off', env: { IAM_POLICY_LINT_CODE_CACHE: 'off' }, home: '/home/ana', platform: 'linux', expected: undefined },
    { name: 'OFF, 0, false and no also turn it off', env: { IAM_POLICY_LINT_CODE_CACHE: ' OFF ' }, home: '/home/ana', platform: 'linux', expected: undefined },
    { name: '0', env: { IAM_POLICY_LINT_CODE_CACHE: '0' }, home: '/home/ana', platform: 'darwin', expected: undefined },
    { name: 'false', env: { IAM_POLICY_LINT_CODE_CACHE: 'false' }, home: '/home/ana', platform: 'linux', expected: undefined },
    { name: 'no', env: { IAM_POLICY_LINT_CODE_CACHE: 'no' }, home: '/home/ana', platform: 'linux', expected: undefined },
    { name: 'empty means the default', env: { IAM_POLICY_LINT_CODE_CACHE: ' ' }, home: '/home/ana', platform: 'linux', expected: '/home/ana/.cache/iam-policy-lint' },
  ];
  for (const row of rows) {
    test(row.name, () => assert.equal(cacheFolder(row.env, row.home, row.platform), row.expected));
  }
});

suite('cache files', () => {
  test('this Node keeps a code cache (zlib.crc32, Node 20.15 and later)', () => assert.equal(codeCacheSupported, true));

  const runtime = { version: 'v20.20.2', v8: '11.3', arch: 'x64', execArgv: [] as string[] };

  test('the key changes with one character of the source, the Node version, the architecture or the flags, not the profiler', () => {
    const key = cacheKey('let a = 1;', runtime);
    assert.match(key, /^[0-9a-f]{16}$/);
    assert.equal(cacheKey('let a = 1;', { ...runtime }), key);
    for (const other of [
      cacheKey('let a = 2;', runtime),
      cacheKey('let a = 1;', { ...runtime, version: 'v20.20.3' }),
      cacheKey('let a = 1;', { ...runtime, v8: '11.4' }),
      cacheKey('let a = 1;', { ...runtime, arch: 'arm64' }),
      cacheKey('let a = 1;', { ...runtime, execArgv: ['--max-semi-space-size=2'] }),
    ]) {
      assert.notEqual(other, key);
    }
    // Profiler and debugger options compile nothing differently (and a profile's name changes every run).
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--cpu-prof', '--cpu-prof-dir=/tmp/p', '--cpu-prof-name=run-3.cpuprofile'] }), key);
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--inspect=9229', '--heap-prof'] }), key);
    // Their values may come as the next argument.
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--cpu-prof', '--cpu-prof-interval', '50', '--cpu-prof-dir', 'prof'] }), key);
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--heap-prof-name', 'h.heapprofile', '--inspect-port', '9230'] }), key);
    const semiSpace = cacheKey('let a = 1;', { ...runtime, execArgv: ['--max-semi-space-size=2'] });
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--cpu-prof', '--max-semi-space-size=2'] }), semiSpace);
    assert.equal(cacheKey('let a = 1;', { ...runtime, execArgv: ['--cpu-prof-dir', 'p', '--max-semi-space-size=2'] }), semiSpace);
  });

  test("a payload and its writer's bytecode size come back as they went in; damaged, cut or foreign bytes give nothing", () => {
    const payload = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
    const bytes = encodeCache({ payload, writerBytecodeBytes: 569928 });
    assert.deepEqual(decodeCache(bytes), { payload, writerBytecodeBytes: 569928 });
    assert.equal(decodeCache(encodeCache({ payload, writerBytecodeBytes: -1 }))?.writerBytecodeBytes, 0);
    assert.equal(decodeCache(encodeCache({ payload, writerBytecodeBytes: 2 ** 40 }))?.writerBytecodeBytes, 0xffffffff);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 500]! ^= 1;
    assert.equal(decodeCache(flipped), undefined);
    assert.equal(decodeCache(bytes.subarray(0, bytes.length - 1)), undefined);
    assert.equal(decodeCache(bytes.subarray(0, 16)), undefined);
    const longer = Buffer.concat([bytes, Buffer.from([0])]);
    assert.equal(decodeCache(longer), undefined);
    assert.equal(decodeCache(Buffer.alloc(0)), undefined);
    assert.equal(decodeCache(payload), undefined);
    const otherMagic = Buffer.from(bytes);
    otherMagic[0] = 0x41;
    assert.equal(decodeCache(otherMagic), undefined);
  });

  test('a run serialises its code at exit to compare only when it holds a twentieth more bytecode than the writer', () => {
    // Sizes seen (npm run build, Node 20): --version 449,552 bytes; linting a small policy 568,416–569,928; the 1,594
    // AWS managed policies 661,104.
    const rows: [bytecodeBytes: number, writerBytecodeBytes: number, expected: boolean][] = [
      [568416, 449552, true], // a lint after --version
      [661104, 569928, true], // the corpus after one policy
      [569928, 661104, false], // one policy after the corpus
      [568416, 569928, false], // the same command again
      [569928, 568416, false],
      [598000, 569928, false],
      [598500, 569928, true],
      [0, 0, true], // a writer of no recorded size
    ];
    for (const [bytecode, writer, expected] of rows) assert.equal(worthComparing(bytecode, writer), expected, `${bytecode} after ${writer}`);
  });

  test('V8 takes a cache made from the same source, and refuses one of another length', () => {
    const source = 'module.exports = { twice: (n) => n * 2, name: __filename };\n';
    const made = compileBundle(source, '/virtual/a.js', undefined);
    assert.equal(made.accepted, false);
    const run = made.script.runInThisContext() as (e: unknown, r: unknown, m: { exports: unknown }, f: string, d: string) => void;
    const module = { exports: {} as { twice?: (n: number) => number; name?: string } };
    run(module.exports, undefined, module, '/virtual/a.js', '/virtual');
    assert.equal(module.exports.twice!(21), 42);
    assert.equal(module.exports.name, '/virtual/a.js');
    const payload = made.script.createCachedData();
    assert.equal(compileBundle(source, '/virtual/a.js', payload).accepted, true);
    assert.equal(compileBundle(`${source}// longer\n`, '/virtual/a.js', payload).accepted, false);
    // The reason for the key: V8 checks the length, not the text, so a same-length change would be taken.
    assert.equal(compileBundle(source.replace('n * 2', 'n * 3'), '/virtual/a.js', payload).accepted, true);
  });

  test('a shebang line is kept as a comment, so lines and behaviour stay the same', () => {
    const { script } = compileBundle('#!/usr/bin/env node\nmodule.exports = 7;\n', '/virtual/b.js', undefined);
    const module = { exports: undefined as unknown };
    (script.runInThisContext() as (e: unknown, r: unknown, m: { exports: unknown }) => void)(undefined, undefined, module);
    assert.equal(module.exports, 7);
    assert.ok(script instanceof Script);
  });
});

suite('the built entries', () => {
  const folders: string[] = [];
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const newFolder = (): string => {
    const folder = mkdtempSync(join(tmpdir(), 'iam-code-cache-'));
    folders.push(folder);
    return folder;
  };
  const policy = repoPath('test', 'fixtures', 'cli', 'old-version.iam.json');
  const cli = (cache: string) =>
    spawnSync(process.execPath, [repoPath('dist', 'cli.js'), '--format', 'json', policy], { encoding: 'utf8', env: { ...process.env, IAM_POLICY_LINT_CODE_CACHE: cache } });
  /** Which file is at the path and when it was written: a rewrite renames a new file into place. */
  const identity = (path: string) => {
    const { ino, mtimeNs } = statSync(path, { bigint: true });
    return { ino, mtimeNs };
  };
  const cacheFiles = (folder: string, name: string) => (existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.cache')) : []);

  test('the CLI writes its cache on the first run, starts from it afterwards, and prints the same either way', (t) => {
    if (!existsSync(repoPath('dist', 'cli.bundle.js'))) return t.skip('no dist/ (npm run build)');
    assert.ok(existsSync(policy), policy);
    const folder = join(newFolder(), 'nested', 'cache');
    const plain = cli('off');
    const first = cli(folder);
    assert.equal(first.status, plain.status);
    assert.equal(first.stdout, plain.stdout);
    const [file] = cacheFiles(folder, 'cli');
    assert.ok(file, 'a cache file');
    assert.deepEqual(cacheFiles(folder, 'cli'), [file]);
    const bytes = readFileSync(join(folder, file));
    assert.ok(decodeCache(bytes), 'the file is a whole cache');
    const written = identity(join(folder, file));
    const second = cli(folder);
    assert.equal(second.stdout, plain.stdout);
    // V8 took the cache and nothing new was compiled, so the file was left alone (a rewrite is a new file, renamed).
    assert.deepEqual(identity(join(folder, file)), written);
  });

  test('a CLI cache made by --version is written again, larger, by a run that lints', (t) => {
    if (!existsSync(repoPath('dist', 'cli.bundle.js'))) return t.skip('no dist/ (npm run build)');
    const folder = newFolder();
    const version = spawnSync(process.execPath, [repoPath('dist', 'cli.js'), '--version'], { encoding: 'utf8', env: { ...process.env, IAM_POLICY_LINT_CODE_CACHE: folder } });
    assert.equal(version.status, 0);
    const [file] = cacheFiles(folder, 'cli');
    assert.ok(file, 'a cache file');
    const small = statSync(join(folder, file)).size;
    cli(folder);
    assert.deepEqual(cacheFiles(folder, 'cli'), [file]);
    assert.ok(statSync(join(folder, file)).size > small * 1.1, `${statSync(join(folder, file)).size} after ${small}`);
  });

  test('a damaged cache is not given to V8: the run prints the same and the file is made whole again', (t) => {
    if (!existsSync(repoPath('dist', 'cli.bundle.js'))) return t.skip('no dist/ (npm run build)');
    const folder = newFolder();
    const plain = cli('off');
    assert.equal(cli(folder).stdout, plain.stdout);
    const [file] = cacheFiles(folder, 'cli');
    const path = join(folder, file!);
    const damaged = readFileSync(path);
    // Bytes of the payload zeroed, as a bad disk block would: V8 alone would crash on this (a segmentation fault).
    damaged.fill(0, damaged.length >> 1, (damaged.length >> 1) + 64);
    writeFileSync(path, damaged);
    const run = cli(folder);
    assert.equal(run.status, plain.status);
    assert.equal(run.stdout, plain.stdout);
    assert.ok(decodeCache(readFileSync(path)), 'rewritten whole');
  });

  test('off writes nothing; a folder that cannot be made only costs the cache', (t) => {
    if (!existsSync(repoPath('dist', 'cli.bundle.js'))) return t.skip('no dist/ (npm run build)');
    const plain = cli('off');
    const blocked = join(newFolder(), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const run = cli(join(blocked, 'cache'));
    assert.equal(run.status, plain.status);
    assert.equal(run.stdout, plain.stdout);
    assert.equal(run.stderr, plain.stderr);
    assert.ok(statSync(blocked).isFile());
  });

  test('the server writes its cache when it exits, and a second server starts from it', async (t) => {
    if (!existsSync(repoPath('dist', 'server.bundle.js'))) return t.skip('no dist/ (npm run build)');
    const folder = newFolder();
    const session = async () => {
      const server = new LspProcess(['--stdio'], { IAM_POLICY_LINT_CODE_CACHE: folder });
      const answer = await server.request<{ capabilities: { completionProvider?: unknown } }>('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.ok(answer.capabilities.completionProvider);
      await server.notify('initialized', {});
      assert.equal(await server.stop(), 0);
      assert.equal(server.stderr.join(''), '');
    };
    await session();
    const [file] = cacheFiles(folder, 'server');
    assert.ok(file, 'a cache file');
    assert.ok(decodeCache(readFileSync(join(folder, file))), 'the file is a whole cache');
    const written = identity(join(folder, file));
    await session();
    assert.deepEqual(identity(join(folder, file)), written);
  });

  test('a server that runs on writes its cache five seconds after it started, and not again at exit', async (t) => {
    if (!existsSync(repoPath('dist', 'server.bundle.js'))) return t.skip('no dist/ (npm run build)');
    const folder = newFolder();
    const appeared = new Promise<string>((resolve, reject) => {
      const watcher = watch(folder, () => {
        const [file] = cacheFiles(folder, 'server');
        if (!file) return;
        watcher.close();
        clearTimeout(timer);
        resolve(file);
      });
      const timer = setTimeout(() => (watcher.close(), reject(new Error('no cache file within 30 s'))), 30_000);
    });
    const server = new LspProcess(['--stdio'], { IAM_POLICY_LINT_CODE_CACHE: folder });
    await server.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    await server.notify('initialized', {});
    const file = await appeared;
    assert.equal(server.child.exitCode, null, 'written while the server runs');
    const written = identity(join(folder, file));
    assert.equal(await server.stop(), 0);
    assert.deepEqual(identity(join(folder, file)), written);
  });
});
