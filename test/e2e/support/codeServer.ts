/**
 * Starts code-server (a real VS Code workbench with a Node extension host) on loopback with throwaway profile and
 * extension folders, installs the packaged VSIX first, and stops it afterwards. Readiness is the server's own
 * "listening" line, not a sleep.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../../support/paths';

export interface CodeServer {
  readonly url: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly log: string[];
  stop(): Promise<void>;
}

function installFolder(): string {
  const result = spawnSync('bash', [repoPath('scripts/install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`installing code-server failed (exit ${result.status})`);
  return result.stdout.trim().split('\n').pop()!;
}

export async function startCodeServer(vsix: string, fixtures: string): Promise<CodeServer> {
  const entry = join(installFolder(), 'node_modules/code-server/out/node/entry.js');
  const root = mkdtempSync(join(tmpdir(), 'iam-policy-e2e-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const workspace = join(root, 'workspace');
  cpSync(fixtures, workspace, { recursive: true });
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  // A fresh profile opens the welcome walkthrough and asks about workspace trust: turn both off so the editor is ours.
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'editor.hover.delay': 100,
      'files.autoSave': 'off',
      'workbench.editor.enablePreview': false,
    }),
  );
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
  const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the VSIX failed: ${install.stdout}\n${install.stderr}`);

  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [entry, ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start:\n${log.join('')}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.push(text);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${log.join('')}`)));
  });
  return {
    url,
    workspace,
    userDataDir,
    log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
