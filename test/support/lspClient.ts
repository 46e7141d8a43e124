/**
 * A minimal LSP client over real stdio: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it. Tests wait
 * for notifications by predicate (with a timeout that fails the test), never for fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoPath } from './paths';

export interface Notification {
  readonly method: string;
  readonly params: unknown;
}

export class LspProcess {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  private readonly received: Notification[] = [];
  private readonly waiters: { test: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];

  /** `env` is added to this process's environment for the server. */
  constructor(args: string[] = ['--stdio'], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [repoPath('dist/server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification((method: string, params: unknown) => this.deliver({ method, params }));
    // Server-to-client requests: answer configuration with nothing (defaults) and accept registrations.
    this.connection.onRequest((method: string, params: unknown) => {
      if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => null);
      return null;
    });
    this.connection.listen();
  }

  private deliver(notification: Notification): void {
    this.received.push(notification);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(notification)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(notification);
      }
    }
  }

  /** Resolves with the first notification (already received or future) that passes `test`. */
  waitFor(test: (n: Notification) => boolean, timeoutMs = 10_000): Promise<Notification> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching notification within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test, resolve: (n) => (clearTimeout(timer), resolve(n)) });
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** shutdown + exit, then the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}
