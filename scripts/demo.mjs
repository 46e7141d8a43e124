// The README's main command: build, package, install into code-server and open examples/ in a real VS Code,
// served on loopback; open the printed URL in a browser. Ctrl+C stops it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 8080);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

run('npm', ['run', 'package']);
const install = execFileSync('bash', [join(root, 'scripts/install-code-server.sh')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const entry = join(install.trim().split('\n').pop(), 'node_modules/code-server/out/node/entry.js');
const profile = join(process.env.IAM_POLICY_E2E_CACHE ?? join(homedir(), '.cache/iam-policy-e2e'), 'demo-profile');
const userData = join(profile, 'user-data');
const extensions = join(profile, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(
  join(userData, 'User/settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'telemetry.telemetryLevel': 'off' }, null, 2),
);
const common = ['--user-data-dir', userData, '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check'];
execFileSync(process.execPath, [entry, ...common, '--force', '--install-extension', join(root, 'dist/iam-policy-lint.vsix')], { stdio: 'inherit' });

const examples = join(root, 'examples');
const server = spawn(process.execPath, [entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, examples], { stdio: ['ignore', 'pipe', 'inherit'] });
server.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  if (/HTTP server listening/.test(text)) {
    console.log(`\nVS Code with the IAM policy extension is running. Open:\n\n  http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}\n\nPress Ctrl+C to stop.`);
  }
});
process.on('SIGINT', () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
