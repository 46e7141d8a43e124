/**
 * Issue #8 over stdio: a burst of edits costs one validation, of the latest version (push and pull); a pull the
 * client cancels stops its validation; completion is answered while a 1 MB document is being validated.
 * Validations are counted from the server's trace ($/logTrace, on when the client asks for tracing): one line when
 * a validation starts, one when it finishes ("N diagnostics in … (S steps, …)"; S is 0 when the analysis was already
 * known) or stops. Every wait is for an event, never a sleep.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, suite, test } from 'node:test';
import { CancellationTokenSource, createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoPath } from '../support/paths';
import { variedPolicy } from './variedPolicy';

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

interface Trace {
  uri: string;
  version: number;
  kind: 'started' | 'finished' | 'stopped';
  steps: number;
  line: string;
}

const requestCancelled = -32800;

function traceOf(line: string): Trace | undefined {
  const match = /^validation (\S+) v(\d+): (started|\d+ diagnostics in .* \((\d+) steps|stopped after (\d+) steps)/.exec(line);
  if (!match) return undefined;
  const kind = match[3] === 'started' ? 'started' : match[3]!.startsWith('stopped') ? 'stopped' : 'finished';
  return { uri: match[1]!, version: Number(match[2]), kind, steps: Number(match[4] ?? match[5] ?? 0), line };
}

/**
 * `node dist/server.js --stdio` with tracing on, recording its validation traces and published diagnostics in
 * arrival order (test/support/lspClient.ts keeps its notifications to itself).
 */
class TracingServer {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  readonly traces: Trace[] = [];
  readonly published: Published[] = [];
  private readonly waiters = new Set<() => void>();

  constructor() {
    this.child = spawn(process.execPath, [repoPath('dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    const notified = () => {
      for (const waiter of [...this.waiters]) waiter();
    };
    // vscode-jsonrpc handles $/logTrace itself (into its own tracer) unless a handler for it is registered.
    this.connection.onNotification('$/logTrace', (params: { message: string }) => {
      const trace = traceOf(params.message);
      if (trace) this.traces.push(trace);
      notified();
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.published.push(params);
      notified();
    });
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  /** Resolves once `condition` holds (checked now and after each notification); rejects after `timeoutMs`. */
  until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`condition not met within ${timeoutMs} ms; traces:\n${this.traces.map((t) => t.line).join('\n')}`));
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return (token ? this.connection.sendRequest(method, params, token.token) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request('shutdown', null);
    await this.notify('exit', null);
    await exited;
    this.connection.dispose();
  }
}

/** Starts a server that traces; `pull` says whether the client pulls diagnostics. */
async function startServer(pull: boolean): Promise<TracingServer> {
  const server = new TracingServer();
  await server.request('initialize', {
    processId: process.pid,
    rootUri: null,
    trace: 'messages',
    capabilities: pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {},
  });
  await server.notify('initialized', {});
  return server;
}

/** Validations that ran the rules to the end for `uri` (not answers from the remembered analysis). */
function finished(traces: readonly Trace[], uri: string): number[] {
  return traces.filter((t) => t.uri === uri && t.kind === 'finished' && t.steps > 0).map((t) => t.version);
}

/** Edits that each change one character of the first Sid (`"Sid": "S…` becomes `"Sid": "T…` and back). */
function sidEdit(text: string, version: number) {
  const offset = text.indexOf('"Sid": "S') + 8;
  const before = text.slice(0, offset).split('\n');
  const start = { line: before.length - 1, character: before.at(-1)!.length };
  return { range: { start, end: { line: start.line, character: start.character + 1 } }, text: version % 2 === 0 ? 'T' : 'S' };
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before.at(-1)!.length };
}

const mediumText = variedPolicy(100_000);
const largeText = variedPolicy(1_000_000);

suite('diagnostics scheduling over stdio (push)', () => {
  let server: TracingServer;
  before(async () => (server = await startServer(false)));
  after(async () => {
    await server?.stop();
  });

  test('50 edits in a row: one validation, of the latest version, and one publication', async () => {
    const uri = 'file:///work/burst-push.iam.json';
    const published = () => server.published.filter((p) => p.uri === uri).map((p) => p.version);
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: mediumText } });
    await server.until(() => published().length === 1);
    assert.deepEqual(finished(server.traces, uri), [1]);

    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [sidEdit(mediumText, i + 2)] }),
      ),
    );
    await server.until(() => published().includes(51));
    assert.deepEqual(finished(server.traces, uri), [1, 51], server.traces.map((t) => t.line).join('\n'));
    assert.deepEqual(published(), [1, 51]);
  });
});

suite('diagnostics scheduling over stdio (pull)', () => {
  let server: TracingServer;
  before(async () => (server = await startServer(true)));
  after(async () => {
    await server?.stop();
  });

  const pull = (uri: string, token?: CancellationTokenSource) =>
    server.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } }, token);

  test('50 edits, then a pull: one validation, of the latest version', async () => {
    const uri = 'file:///work/burst-pull.iam.json';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: mediumText } });
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        server.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [sidEdit(mediumText, i + 2)] }),
      ),
    );
    const report = await pull(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(finished(server.traces, uri), [51], server.traces.map((t) => t.line).join('\n'));
    // Pulling again for the same version answers from the remembered analysis.
    assert.deepEqual(await pull(uri), report);
    assert.deepEqual(finished(server.traces, uri), [51]);
  });

  test('as vscode-languageclient pulls (after each edit, cancelling the pull in flight): one validation', async () => {
    const uri = 'file:///work/burst-vscode.iam.json';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: largeText } });
    // The client's algorithm (lib/common/diagnostic.js, pullAsync): pull on change; with a pull in flight, cancel
    // it and pull again once it has returned.
    let inFlight: Promise<unknown> | undefined;
    let reschedule = false;
    const outcomes: string[] = [];
    let last: Promise<{ items: { code: string }[] }> | undefined;
    const pullNow = (): void => {
      const token = new CancellationTokenSource();
      const request = pull(uri, token);
      last = request;
      inFlight = request.then(
        () => outcomes.push('answered'),
        (error: unknown) => outcomes.push(error instanceof ResponseError && error.code === requestCancelled ? 'cancelled' : `failed: ${String(error)}`),
      );
      cancelInFlight = () => token.cancel();
      void inFlight.then(() => {
        inFlight = undefined;
        if (reschedule) {
          reschedule = false;
          pullNow();
        }
      });
    };
    let cancelInFlight = (): void => {};
    for (let version = 2; version <= 51; version++) {
      void server.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [sidEdit(largeText, version)] });
      if (inFlight) {
        cancelInFlight();
        reschedule = true;
      } else pullNow();
    }
    // Wait for the pull that started last to be answered with nothing left to do.
    for (let seen: unknown; seen !== last; ) {
      seen = last;
      await last!.catch(() => undefined);
      await inFlight;
    }
    assert.deepEqual(outcomes, ['cancelled', 'answered']);
    assert.deepEqual(finished(server.traces, uri), [51], server.traces.filter((t) => t.uri === uri).map((t) => t.line).join('\n'));
    const stopped = server.traces.filter((t) => t.uri === uri && t.kind === 'stopped');
    assert.ok(stopped.every((t) => t.version < 51), 'only stale validations were stopped');
  });

  test('a completion sent while a 1 MB document is validated is answered before the validation ends', async () => {
    const uri = 'file:///work/large-complete.iam.json';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: largeText } });
    const order: string[] = [];
    const started = server.until(() => server.traces.some((t) => t.uri === uri && t.kind === 'started'));
    const diagnostics = pull(uri).then((report) => (order.push('diagnostics'), report));
    await started;
    const actionOffset = /"Action": \[\s*"[a-z0-9-]+:/.exec(largeText)!;
    const completion = server
      .request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: positionOf(largeText, actionOffset.index + actionOffset[0].length) })
      .then((list) => (order.push('completion'), list));
    const hover = server
      .request('textDocument/hover', { textDocument: { uri }, position: positionOf(largeText, largeText.indexOf('"Version"') + 2) })
      .then((result) => (order.push('hover'), result));
    const [list, , report] = await Promise.all([completion, hover, diagnostics]);
    assert.deepEqual(order, ['completion', 'hover', 'diagnostics']);
    assert.ok(list.items.length > 0, 'the completion has items');
    assert.ok(report.items.length > 0, 'the validation finished with its findings');
    assert.deepEqual(finished(server.traces, uri), [1]);
    // Code actions come from the analysis the validation made: no second run of the rules.
    const first = report.items[0] as unknown as { range: unknown };
    await server.request('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
    assert.deepEqual(finished(server.traces, uri), [1]);
    assert.ok(server.traces.some((t) => t.uri === uri && t.kind === 'finished' && t.steps === 0), 'answered from the remembered analysis');
  });

  test('a pull the client cancels stops its validation and is answered with RequestCancelled', async () => {
    const uri = 'file:///work/large-cancel.iam.json';
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'iam-policy', version: 1, text: largeText } });
    const started = server.until(() => server.traces.some((t) => t.uri === uri && t.kind === 'started'));
    const token = new CancellationTokenSource();
    const cancelled = pull(uri, token).then(
      () => 'answered',
      (error: unknown) => (error instanceof ResponseError ? error.code : String(error)),
    );
    await started;
    token.cancel();
    assert.equal(await cancelled, requestCancelled);
    const stopped = server.traces.filter((t) => t.uri === uri && t.kind === 'stopped');
    assert.equal(stopped.length, 1, server.traces.filter((t) => t.uri === uri).map((t) => t.line).join('\n'));
    assert.match(stopped[0]!.line, /\(cancelled\)$/);
    assert.deepEqual(finished(server.traces, uri), []);
    // The next pull validates in full.
    assert.ok((await pull(uri)).items.length > 0);
    assert.deepEqual(finished(server.traces, uri), [1]);
  });
});
