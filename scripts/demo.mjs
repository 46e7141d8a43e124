// The README's main command: build, package, install into code-server and open examples/ in a real VS Code,
// served on loopback; open the printed URL in a browser. Ctrl+C stops it. The tools' output (npm, vsce, node-gyp,
// code-server) goes to a log file whose path is printed first; the terminal shows one line per step and the URL.
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isListening, progress, runLogged, startLogged, StepFailed } from './demo/steps.cjs';

const root = join(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const cache = process.env.IAM_POLICY_E2E_CACHE ?? join(homedir(), '.cache/iam-policy-e2e');
const profile = join(cache, 'demo-profile');
const log = join(cache, 'demo.log');
const write = (text) => process.stdout.write(text);

mkdirSync(cache, { recursive: true });
writeFileSync(log, `npm run demo, ${new Date().toISOString()}\n`);
console.log(`Full output: ${log}`);

try {
  let done = progress(write, 1, 3, 'Building and packaging the extension');
  runLogged('npm', ['run', 'package'], { cwd: root, log });
  done();

  done = progress(write, 2, 3, 'Installing code-server (first run only: a few minutes, about 300 MB)');
  const install = runLogged('bash', [join(root, 'scripts/install-code-server.sh')], { cwd: root, log, captureStdout: true });
  const entry = join(install.trim().split('\n').pop(), 'node_modules/code-server/out/node/entry.js');
  const userData = join(profile, 'user-data');
  const extensions = join(profile, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' }, null, 2),
  );
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check'];
  runLogged(process.execPath, [entry, ...common, '--force', '--install-extension', join(root, 'dist/iam-policy-lint.vsix')], { cwd: root, log });
  done();

  done = progress(write, 3, 3, 'Starting VS Code');
  const examples = join(root, 'examples');
  const server = startLogged(process.execPath, [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, examples], {
    cwd: root,
    log,
    ready: isListening,
    onReady() {
      done();
      console.log(`\nVS Code with the IAM policy extension is running. Open:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}\n\nPress Ctrl+C to stop.`);
    },
    onExit(code, tail) {
      if (tail !== undefined) {
        done('failed');
        console.error(`code-server stopped before it served (exit status ${code}; port ${port} in use? PORT=… npm run demo). The end of ${log}:\n\n${tail}`);
      }
      process.exit(tail === undefined ? 0 : code || 1);
    },
  });
  process.on('SIGINT', () => server.kill('SIGTERM'));
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  write('failed\n\n');
  console.error(error.message);
  process.exitCode = 1;
}
