// Starts `node server.js --stdio` and speaks LSP to it the way an editor does. Every request has a deadline and a
// server that exits early fails the request with its stderr, so a broken server fails the measurement instead of
// hanging the suite.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { serverEnvIn, serverFlagsIn } from './clientSource.cjs';

const requestDeadlineMs = 60_000;
const root = join(import.meta.dirname, '..', '..');

/** Where the VS Code client says how it starts the server. */
const clientSource = join(root, 'client', 'src', 'languageClient.ts');

/**
 * The Node flags the VS Code client starts the server with (`const execArgv = [...]` in client/src/languageClient.ts),
 * so the server is measured as the extension runs it. Read from the client's source, to keep one list; a client that
 * no longer says it that way stops the bench rather than letting it measure a server started otherwise.
 */
export function clientServerFlags() {
  const flags = serverFlagsIn(readFileSync(clientSource, 'utf8'));
  if (!flags) throw new Error(`no \`const execArgv = [...]\` in ${clientSource}: the bench cannot start the server as the client does`);
  return flags;
}

/**
 * The environment variables the VS Code client adds for the server (`const serverEnv = { NAME: 'value' }` in
 * client/src/languageClient.ts), read from the client's source like the flags.
 */
export function clientServerEnv() {
  const env = serverEnvIn(readFileSync(clientSource, 'utf8'));
  if (!env) throw new Error(`no \`const serverEnv = {...}\` in ${clientSource}: the bench cannot start the server as the client does`);
  return env;
}

/** Resident set size of a process in MB (10^6 bytes): VmRSS from /proc where there is one, else `ps -o rss=`. */
export function rssMb(pid) {
  let kib;
  try {
    kib = Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    kib = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  }
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`cannot read the RSS of process ${pid}`);
  return (kib * 1024) / 1e6;
}

/**
 * A server with the client capabilities of VS Code's language client for diagnostics: `pull` announces
 * textDocument/diagnostic (the server then never pushes), otherwise the server pushes publishDiagnostics.
 * `nodeArgs` go before the bundle (e.g. --cpu-prof). `memoryProbe` loads memory-probe.cjs, for liveHeapMb() and
 * memoryBreakdown(). `trace`
 * ('off' or 'verbose') is the client's trace setting: with 'verbose' the server may send $/logTrace lines.
 * `startedAt` is taken just before the spawn. `env` is added to the server's environment: by default what the VS Code
 * client adds, as callers pass its flags in `nodeArgs`; `{}` starts the server as other editors do.
 */
export async function startServer({ serverJs, pull, nodeArgs = [], memoryProbe = false, trace = 'off', env = clientServerEnv() }) {
  const startedAt = performance.now();
  const probe = memoryProbe ? ['--expose-gc', '-r', join(import.meta.dirname, 'memory-probe.cjs')] : [];
  const child = spawn(process.execPath, [...probe, ...nodeArgs, serverJs, '--stdio'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe', ...(memoryProbe ? ['ipc'] : [])],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const died = exited.then((how) => {
    throw new Error(`the server exited (${how})${stderr ? `: ${stderr.trim()}` : ''}`);
  });
  died.catch(() => {}); // observed by whichever request is waiting; a clean shutdown leaves it unobserved

  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Server-to-client requests: configuration gets the defaults (null), registrations and refreshes are accepted.
  connection.onRequest((method, params) => (method === 'workspace/configuration' ? params.items.map(() => null) : null));
  const listeners = new Map();
  connection.onError(() => {}); // a closed pipe after exit is reported by `died`
  connection.listen();

  /** `token` (a vscode-jsonrpc CancellationToken) sends $/cancelRequest when cancelled. */
  function request(method, params, { deadlineMs = requestDeadlineMs, token } = {}) {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} not answered within ${deadlineMs} ms`)), deadlineMs);
    });
    const sent = token ? connection.sendRequest(method, params, token) : connection.sendRequest(method, params);
    return Promise.race([sent, late, died]).finally(() => clearTimeout(timer));
  }
  const notify = (method, params) => connection.sendNotification(method, params);

  const capabilities = pull
    ? { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } }
    : { textDocument: { publishDiagnostics: { versionSupport: true } } };
  try {
    await request('initialize', { processId: process.pid, rootUri: null, capabilities, trace });
  } catch (error) {
    child.kill();
    connection.dispose();
    throw error;
  }
  const initializedAt = performance.now();
  await notify('initialized', {});

  /** A question to memory-probe.cjs over the IPC channel, and its answer. */
  function ask(question) {
    const answer = new Promise((resolve) => child.once('message', resolve));
    child.send(question);
    let timer;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the memory probe did not answer')), 30_000)));
    return Promise.race([answer, late, died]).finally(() => clearTimeout(timer));
  }

  return {
    pid: child.pid,
    startedAt,
    initializedAt,
    request,
    notify,
    /** Calls `listener(params, receivedAt)` for each notification of `method` from the server. */
    on(method, listener) {
      if (!listeners.has(method)) {
        listeners.set(method, []);
        // A handler per method: vscode-jsonrpc keeps $/logTrace for itself unless one is registered for it.
        connection.onNotification(method, (params) => {
          for (const each of listeners.get(method)) each(params, performance.now());
        });
      }
      listeners.get(method).push(listener);
    },
    rssMb: () => rssMb(child.pid),
    /** MB of heap still live after a full GC (needs `memoryProbe`). */
    async liveHeapMb() {
      return (await ask('live-heap')).liveHeapBytes / 1e6;
    },
    /** Where the resident memory is, in MB: mapped files, V8's heap by space, other anonymous memory (needs `memoryProbe`). */
    async memoryBreakdown() {
      return (await ask('memory')).memory;
    },
    async stop() {
      try {
        await request('shutdown', null, { deadlineMs: 10_000 });
        await notify('exit', null);
        let timer;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
        clearTimeout(timer);
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill();
        connection.dispose();
      }
    },
  };
}

/** The LSP position (UTF-16 line and character) of an offset. */
export function positionAt(text, offset) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return { line, character: offset - lineStart };
}


/** The offset of an LSP position (the inverse of positionAt). */
export function offsetAt(text, { line, character }) {
  let lineStart = 0;
  for (let i = 0; i < line; i++) lineStart = text.indexOf('\n', lineStart) + 1;
  return lineStart + character;
}
