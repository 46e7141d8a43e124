/**
 * `npm run demo` stays quiet (issue #18): the tools' output goes to a log file, the terminal gets a line per step and
 * the URL, a failing step shows the end of the log; the code-server install builds spdlog or skips it cleanly.
 * The full demo needs code-server and a network on first run, so its parts are tested here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { isListening, logTail, progress, runLogged, startLogged, StepFailed } from '../scripts/demo/steps.cjs';
import { repoPath } from './support/paths';

const scratch = mkdtempSync(join(tmpdir(), 'iam-policy-demo-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A node one-liner that prints `lines` lines of noise on stdout and stderr. */
function noisy(lines: number, then = ''): string[] {
  return ['-e', `for (let i = 1; i <= ${lines}; i++) { console.log('gyp info ' + i); console.error('gyp http ' + i); } ${then}`];
}

suite('npm run demo: quiet steps', () => {
  test("a step's output goes to the log only", () => {
    const log = join(scratch, 'quiet.log');
    writeFileSync(log, '');
    assert.equal(runLogged(process.execPath, noisy(200), { log }), '');
    const text = readFileSync(log, 'utf8');
    assert.match(text, /gyp info 200/);
    assert.match(text, /gyp http 200/);
  });

  test("a captured stdout is returned (the install script's folder) and logged", () => {
    const log = join(scratch, 'captured.log');
    writeFileSync(log, '');
    assert.equal(runLogged(process.execPath, ['-e', "console.error('progress'); console.log('/cache/code-server')"], { log, captureStdout: true }), '/cache/code-server\n');
    assert.match(readFileSync(log, 'utf8'), /progress\n[^]*\/cache\/code-server/);
  });

  test('a failing step names the command and shows the end of the log, not all of it', () => {
    const log = join(scratch, 'failed.log');
    writeFileSync(log, '');
    assert.throws(
      () => runLogged(process.execPath, noisy(200, "console.error('Error: Could not locate the bindings file'); process.exit(3);"), { log }),
      (error: unknown) => {
        assert.ok(error instanceof StepFailed);
        assert.match(error.message, /failed \(exit status 3\)/);
        assert.match(error.message, /Could not locate the bindings file$/);
        assert.doesNotMatch(error.message, /gyp info 150\n/);
        return true;
      },
    );
    assert.equal(logTail('a\n\nb\nc\n', 2), 'b\nc');
  });

  test('progress: one line per step', () => {
    let out = '';
    const done = progress((text) => (out += text), 2, 3, 'Installing code-server');
    done();
    assert.match(out, /^\[2\/3\] Installing code-server… done \(\d+ s\)\n$/);
  });

  test("code-server's listening line is recognised, in pieces too", async () => {
    const log = join(scratch, 'server.log');
    writeFileSync(log, '');
    assert.ok(isListening('[2026-12-07T00:00:00.000Z] info  HTTP server listening on http://127.0.0.1:8080/'));
    const script = "process.stderr.write('Error: Could not locate the bindings file\\n'); process.stdout.write('info  HTTP server lis'); setTimeout(() => process.stdout.write('tening on http://127.0.0.1:1/\\n'), 50); setTimeout(() => {}, 60000);";
    let ready = 0;
    const exit = await new Promise<{ code: number; tail: string | undefined }>((resolve) => {
      const child = startLogged(process.execPath, ['-e', script], {
        log,
        ready: isListening,
        onReady: () => {
          ready++;
          child.kill('SIGTERM');
        },
        onExit: (code, tail) => resolve({ code, tail }),
      });
    });
    assert.equal(ready, 1);
    assert.equal(exit.tail, undefined, 'it served, so no failure to report');
    assert.match(readFileSync(log, 'utf8'), /Could not locate the bindings file/, 'the noise is in the log');
  });

  test('a server that stops before it serves reports the end of the log', async () => {
    const log = join(scratch, 'early.log');
    writeFileSync(log, '');
    const exit = await new Promise<{ code: number; tail: string | undefined }>((resolve) => {
      startLogged(process.execPath, ['-e', "console.error('error listen EADDRINUSE: address already in use'); process.exit(1)"], {
        log,
        ready: isListening,
        onReady: () => assert.fail('not ready'),
        onExit: (code, tail) => resolve({ code, tail }),
      });
    });
    assert.equal(exit.code, 1);
    assert.match(exit.tail ?? '', /EADDRINUSE/);
  });
});

suite('install-code-server.sh: spdlog', () => {
  test('a cached install without spdlog gets it built, or skipped cleanly once, and is reused', () => {
    const cache = join(scratch, 'cache');
    const dir = join(cache, 'code-server-0.0.0-test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '.installed'), '');
    const run = () =>
      spawnSync('bash', [repoPath('scripts/install-code-server.sh')], {
        env: { ...process.env, IAM_POLICY_E2E_CACHE: cache, CODE_SERVER_VERSION: '0.0.0-test' },
        encoding: 'utf8',
      });
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, `${dir}\n`, 'stdout is the install folder only');
    if (existsSync(join(dir, '.spdlog'))) {
      // This fake install has no spdlog sources, so the build fails: noted, not fatal.
      assert.equal(readFileSync(join(dir, '.spdlog'), 'utf8'), 'skipped\n');
      assert.match(first.stderr, /@vscode\/spdlog did not build; code-server runs without it/);
    }
    const second = run();
    assert.equal(second.status, 0);
    assert.equal(second.stdout, `${dir}\n`);
    assert.doesNotMatch(second.stderr, /building @vscode\/spdlog/, 'tried once');
  });

  test('a fresh install builds spdlog with the other native modules', () => {
    const script = readFileSync(repoPath('scripts/install-code-server.sh'), 'utf8');
    const fresh = script.slice(script.indexOf('rm -rf "$dir"'));
    assert.match(fresh, /for module in kerberos node-pty;[^]*\nbuild_spdlog\n/);
  });
});
