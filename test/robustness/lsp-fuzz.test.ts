/**
 * The language server over stdio under a scripted client that behaves like a fast, sloppy editor (issue #9):
 * thousands of random incremental edits to several documents, with completions, hovers, code actions, symbols,
 * formatting, policy-type requests, cancellations and settings changes in between. Checked:
 * - every request is answered (null and empty answers are fine; a cancelled request may answer "cancelled");
 * - the server logs no handler failure (handlers turn exceptions into a log line and an empty answer, which would
 *   otherwise hide them);
 * - the server's copy of each document stays the client's: at the end, each document's published diagnostics equal
 *   those of a fresh copy of the client's text opened under a sibling URI;
 * - the process is alive at the end, and shutdown/exit gives exit code 0;
 * - the server opens no connection, starts no process, writes no file and loads no module (see the guard below), and
 *   generates no code from strings.
 * A document nested 20,000 levels deep is opened at the end of each session too.
 *
 * Environment: IAM_FUZZ_SEED (as in fuzz.test.ts), IAM_LSP_FUZZ_EDITS (default 3000) per session; a push-mode and a
 * pull-mode session run. IAM_LSP_FUZZ_TRACE=1 prints progress to stderr.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test, type TestContext } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { LspProcess } from '../support/lspClient';
import { mutate, stringContentEdit, wildcardPattern } from './mutations';
import { caseSeed, Random, seedFromEnv } from './random';
import { loadSeedCorpus } from './seedCorpus';

const defaultSeed = 20_260_909;
const runSeed = seedFromEnv(process.env.IAM_FUZZ_SEED, defaultSeed);
const editsPerSession = Number(process.env.IAM_LSP_FUZZ_EDITS ?? 3_000);
/** An answer slower than this counts as "not answered" (the server answers in milliseconds). */
const answerWithinMs = 60_000;
/** Requests in flight at once: enough to keep the server busy, bounded so the client's memory is too. */
const inFlight = 24;

interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

interface Mirror {
  uri: string;
  languageId: string;
  document: TextDocument;
  open: boolean;
  /** Earlier texts, for undo. */
  history: string[];
  /** The diagnostics the server last gave for this document (pushed or pulled), for code action requests. */
  diagnostics: Diagnostic[];
}

/** Text that a user might type or paste in the middle of a policy. */
const insertions = [
  '', '', '', ' ', '\n', '\r\n', '"', '{', '}', '[', ']', ',', ':', '"Effect": "Allow",', '"Action": "s3:*",', '"Resource": "*"',
  '"Statement": [', '"Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}', '"Principal": {"AWS": "*"},', 'Allow', 'Deny',
  's3:GetObject', 'arn:aws:s3:::bucket/*', '${aws:username}', '\u{1F600}', '\uD800', 'e\u0301', '\u202E', '\uFEFF', '\t\t', '// x\n',
  '"Sid": "A-1",', '"Version": "2008-10-17",', '"NotAction": ["iam:*"],', '{"Effect":"Deny","Action":"*","Resource":"*"},',
];

const uris: { uri: string; languageId: string }[] = [
  { uri: 'file:///fuzz/lsp/app.iam.json', languageId: 'iam-policy' },
  { uri: 'file:///fuzz/lsp/role.trust.json', languageId: 'iam-policy' },
  { uri: 'file:///fuzz/lsp/guard.scp.json', languageId: 'iam-policy' },
  { uri: 'file:///fuzz/lsp/bucket-policy.json', languageId: 'json' },
  { uri: 'file:///fuzz/lsp/settings.jsonc', languageId: 'jsonc' },
];

function randomPosition(random: Random, document: TextDocument): Position {
  const roll = random.next();
  // A few positions past the end of a line or of the document, as sloppy clients send them.
  if (roll < 0.03) return { line: random.int(document.lineCount + 3), character: random.int(500) };
  if (roll < 0.04) return { line: 1_000_000, character: 1_000_000 };
  return document.positionAt(random.int(document.getText().length + 1));
}

/** The smallest single-range change from one text to another (how an editor sends an undo). */
function changeBetween(document: TextDocument, to: string): TextDocumentContentChangeEvent {
  const from = document.getText();
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < from.length - prefix && suffix < to.length - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  const range = { start: document.positionAt(prefix), end: document.positionAt(from.length - suffix) };
  return { range, text: to.slice(prefix, to.length - suffix) };
}

/** One incremental change: undo, a value typed into a string, or a short range replaced by typed or pasted text. */
function randomChange(random: Random, mirror: Mirror, corpus: readonly { text: string }[]): TextDocumentContentChangeEvent {
  const document = mirror.document;
  const text = document.getText();
  const roll = random.next();
  if (roll < 0.02) return { text: mutate(random.pick(corpus).text, random) };
  if (roll < 0.05) return { text: random.pick(corpus).text };
  if (roll < 0.2 && mirror.history.length > 0) return changeBetween(document, mirror.history.splice(random.int(mirror.history.length))[0]!);
  if (roll < 0.7) {
    const edit = stringContentEdit(text, random);
    if (edit) return { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text };
  }
  const start = random.int(text.length + 1);
  const end = random.chance(0.5) ? start : Math.min(text.length, start + random.int(random.chance(0.9) ? 12 : 400));
  let insert = random.pick(insertions);
  if (random.chance(0.15) && text.length > 0) {
    const from = random.int(text.length);
    insert = text.slice(from, from + random.int(80)); // paste a piece of the document
  } else if (random.chance(0.03)) {
    insert = JSON.stringify(wildcardPattern(random));
  }
  const range = { start: document.positionAt(start), end: document.positionAt(end) };
  // Now and then a reversed range, which the server (like VS Code's document model) normalises.
  return random.chance(0.01) ? { range: { start: range.end, end: range.start }, text: insert } : { range, text: insert };
}

async function session(t: TestContext, mode: 'push' | 'pull', seedOffset: number): Promise<void> {
  const random = new Random(caseSeed(runSeed, seedOffset));
  const corpus = loadSeedCorpus();
  const server = startGuardedServer();
  servers.push(server);
  const logs: string[] = [];
  server.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
    if (params.type === 1) logs.push(params.message);
  });
  const published = new Map<string, PublishedDiagnostics>();
  let publications = 0;
  server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
    published.set(params.uri, params);
    publications++;
    const mirror = mirrorOf(params.uri);
    if (mirror) mirror.diagnostics = params.diagnostics;
  });
  // The settings the server pulls (workspace/configuration); the fuzzer changes them to odd values now and then.
  let settings: unknown = null;
  server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
  const capabilities = mode === 'pull' ? { textDocument: { diagnostic: {} }, workspace: { configuration: true } } : { workspace: { configuration: true } };
  await server.request('initialize', { processId: process.pid, rootUri: null, capabilities });
  await server.notify('initialized', {});

  const mirrors: Mirror[] = uris.map(({ uri, languageId }) => ({
    uri,
    languageId,
    document: TextDocument.create(uri, languageId, 1, random.pick(corpus).text),
    open: false,
    history: [],
    diagnostics: [],
  }));
  const mirrorOf = (uri: string) => mirrors.find((m) => m.uri === uri);
  const openDocument = async (mirror: Mirror) => {
    mirror.open = true;
    await server.notify('textDocument/didOpen', {
      textDocument: { uri: mirror.uri, languageId: mirror.languageId, version: mirror.document.version, text: mirror.document.getText() },
    });
  };
  for (const mirror of mirrors) await openDocument(mirror);

  const pending = new Set<Promise<void>>();
  const unanswered: string[] = [];
  let requests = 0;
  let cancelled = 0;
  let pauses = 0;
  let pausesWithFindings = 0;
  /** Answers with content per method: the run is only worth something if the server had things to say. */
  const substantial = new Map<string, number>();
  const send = (method: string, params: unknown, onAnswer?: (result: unknown) => void) => {
    requests++;
    const source = random.chance(0.03) ? new CancellationTokenSource() : undefined;
    const answer = server.connection.sendRequest(method, params, ...(source ? [source.token] : []));
    if (source) {
      cancelled++;
      setTimeout(() => source.cancel(), random.int(3));
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), answerWithinMs)));
    const counted = answer.then((result: unknown) => {
      onAnswer?.(result);
      const empty = result === null || (Array.isArray(result) && result.length === 0) || (typeof result === 'object' && Array.isArray((result as { items?: unknown[] }).items) && (result as { items: unknown[] }).items.length === 0);
      if (!empty) substantial.set(method, (substantial.get(method) ?? 0) + 1);
      return 'answered' as const;
    });
    const settled = Promise.race([counted, timeout]).then(
      (outcome) => {
        clearTimeout(timer);
        if (outcome === 'timeout') unanswered.push(`${method} not answered within ${answerWithinMs} ms`);
      },
      (error: { code?: number; message?: string }) => {
        clearTimeout(timer);
        // -32800: RequestCancelled, the one error a cancelled request may answer with.
        if (!(source && error.code === -32800)) unanswered.push(`${method} answered with an error: ${error.code} ${error.message}`);
      },
    );
    const tracked: Promise<void> = settled.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  const started = performance.now();
  const trace = process.env.IAM_LSP_FUZZ_TRACE === '1' ? (what: string) => console.error(`[lsp-fuzz ${mode}] ${what}`) : () => undefined;
  for (let edit = 0; edit < editsPerSession; edit++) {
    if (edit % 100 === 0) trace(`edit ${edit}, ${pending.size} pending`);
    const mirror = random.pick(mirrors);
    const roll = random.next();
    if (roll < 0.005) {
      // Close and reopen, sometimes under the other language.
      if (mirror.open) await server.notify('textDocument/didClose', { textDocument: { uri: mirror.uri } });
      mirror.languageId = random.chance(0.2) ? random.pick(['iam-policy', 'json', 'jsonc', 'plaintext']) : mirror.languageId;
      mirror.document = TextDocument.create(mirror.uri, mirror.languageId, mirror.document.version + 1, mirror.document.getText());
      await openDocument(mirror);
    } else if (roll < 0.008) {
      // Settings are data: odd values must be ignored, not trusted.
      const junk = [
        { iamPolicy: { rules: { 'invalid-effect': 'off', 'json-syntax-error': 'warning', bogus: 'error', 'missing-version': 7 }, maxFileSize: 200 } },
        { iamPolicy: { maxFileSize: -1, policyTypes: { '**/*.json': 'trust', '[': 'scp', '*.{a,b': 'nope' }, validate: { enable: 'yes' } } },
        { iamPolicy: 'not an object' },
        { iamPolicy: { rules: null, policyTypes: [], maxFileSize: 1e308 } },
        {},
      ];
      settings = random.pick(junk).iamPolicy ?? null;
      await server.notify('workspace/didChangeConfiguration', { settings: {} });
    } else if (mirror.open) {
      mirror.history.push(mirror.document.getText());
      if (mirror.history.length > 20) mirror.history.shift();
      const changes = Array.from({ length: random.weighted([[8, 1], [2, 2], [1, 3]] as const) }, () => {
        const change = randomChange(random, mirror, corpus);
        mirror.document = TextDocument.update(mirror.document, [change], mirror.document.version);
        return change;
      });
      const version = mirror.document.version + 1;
      mirror.document = TextDocument.create(mirror.uri, mirror.languageId, version, mirror.document.getText());
      await server.notify('textDocument/didChange', { textDocument: { uri: mirror.uri, version }, contentChanges: changes });
    }
    // Now and then the user stops typing: the diagnostics of this version arrive, and the editor asks for the code
    // actions of each (the light bulb) and for fix-all (on save).
    if (edit % 60 === 59 && mirror.open) {
      const version = mirror.document.version;
      if (mode === 'pull') {
        const answer = (await server.request('textDocument/diagnostic', { textDocument: { uri: mirror.uri } })) as { items?: Diagnostic[] } | null;
        mirror.diagnostics = answer?.items ?? [];
      } else {
        const deadline = Date.now() + 5_000;
        while (published.get(mirror.uri)?.version !== version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      pauses++;
      if (mirror.diagnostics.some((d) => d.code !== 'json-syntax-error')) pausesWithFindings++;
      const textDocument = { uri: mirror.uri };
      for (const diagnostic of mirror.diagnostics.slice(0, 30)) {
        send('textDocument/codeAction', { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      }
      const whole = { start: { line: 0, character: 0 }, end: mirror.document.positionAt(mirror.document.getText().length) };
      send('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: mirror.diagnostics, only: ['source.fixAll'] } });
    }
    // Requests, as an editor fires them while the user types and moves around.
    const textDocument = { uri: mirror.uri };
    const count = random.weighted([[3, 0], [4, 1], [2, 2], [1, 4]] as const);
    for (let n = 0; n < count; n++) {
      const position = randomPosition(random, mirror.document);
      switch (random.int(mode === 'pull' ? 9 : 8)) {
        case 0:
        case 1:
          send('textDocument/completion', { textDocument, position });
          break;
        case 2:
        case 3:
          send('textDocument/hover', { textDocument, position });
          break;
        case 4: {
          const diagnostics = mirror.diagnostics;
          const only = random.pick([undefined, undefined, ['quickfix'], ['source.fixAll'], ['source.fixAll.iam-policy'], ['refactor']]);
          send('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics, ...(only ? { only } : {}) } });
          break;
        }
        case 5:
          send('textDocument/documentSymbol', { textDocument });
          break;
        case 6:
          send(random.chance(0.5) ? 'textDocument/formatting' : 'textDocument/rangeFormatting', {
            textDocument,
            range: { start: randomPosition(random, mirror.document), end: randomPosition(random, mirror.document) },
            options: { tabSize: random.pick([2, 4]), insertSpaces: random.chance(0.7) },
          });
          break;
        case 7:
          send('iamPolicy/policyType', { uri: random.chance(0.95) ? mirror.uri : 'file:///fuzz/lsp/never-opened.iam.json' });
          break;
        default:
          send('textDocument/diagnostic', { textDocument }, (result) => {
            const items = (result as { items?: Diagnostic[] } | null)?.items;
            if (items) mirror.diagnostics = items;
          });
      }
    }
    while (pending.size >= inFlight) await Promise.race(pending);
  }
  trace('all edits sent');
  // A document nested deeper than the JSON parser's stack (K6, fixed: parsing used to throw). The server must answer
  // every request about it and log nothing.
  const deepUri = 'file:///fuzz/lsp/deep.iam.json';
  await server.notify('textDocument/didOpen', { textDocument: { uri: deepUri, languageId: 'iam-policy', version: 1, text: `{"Statement":${'['.repeat(20_000)}` } });
  for (const method of ['textDocument/hover', 'textDocument/completion']) send(method, { textDocument: { uri: deepUri }, position: { line: 0, character: 20 } });
  send('textDocument/documentSymbol', { textDocument: { uri: deepUri } });
  send('textDocument/codeAction', { textDocument: { uri: deepUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  if (mode === 'pull') send('textDocument/diagnostic', { textDocument: { uri: deepUri } });
  await Promise.all(pending);
  trace('all answered');
  const seconds = (performance.now() - started) / 1_000;

  // The server's text is the client's text: diagnostics of each document equal those of a fresh copy of its text,
  // opened under a sibling URI (same file name, so the same policy type), with the default settings again.
  settings = null;
  await server.notify('workspace/didChangeConfiguration', { settings: {} });
  const open = mirrors.filter((m) => m.open);
  const twinOf = (uri: string) => uri.replace('/fuzz/lsp/', '/fuzz/lsp/twin/');
  for (const mirror of open) {
    await server.notify('textDocument/didOpen', { textDocument: { uri: twinOf(mirror.uri), languageId: mirror.languageId, version: 1, text: mirror.document.getText() } });
  }
  const diagnosticsOf = async (uri: string): Promise<unknown> => {
    if (mode === 'pull') return ((await server.request('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    return published.get(uri)?.diagnostics;
  };
  if (mode === 'push') {
    // Wait for the twins' first publication, then until the pushes stop (each waits out a 150 ms debounce).
    // (The handlers above replace LspProcess's catch-all one for these two methods, so its waitFor does not see them.)
    const deadline = Date.now() + 30_000;
    while (!open.every((mirror) => published.has(twinOf(mirror.uri)))) {
      assert.ok(Date.now() < deadline, 'the twins get diagnostics within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (let seen = -1; seen !== publications; ) {
      seen = publications;
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
  }
  let compared = 0;
  for (const mirror of open) {
    if (mode === 'push') assert.equal(published.get(mirror.uri)?.version, mirror.document.version, `${mirror.uri}: diagnostics of the last version`);
    const ours = await diagnosticsOf(mirror.uri);
    const theirs = await diagnosticsOf(twinOf(mirror.uri));
    assert.deepEqual(ours, theirs, `${mirror.uri}: the server's copy differs from the client's\n${JSON.stringify(mirror.document.getText()).slice(0, 1_000)}`);
    compared++;
  }

  t.diagnostic(
    `${mode}: ${editsPerSession} edit steps, ${pauses} pauses (${pausesWithFindings} on a document with findings beyond syntax), ${requests} requests (${cancelled} cancelled) in ${seconds.toFixed(1)} s; ` +
      `${compared} documents compared with a fresh copy; seed ${runSeed}`,
  );
  t.diagnostic(`answers with content: ${[...substantial].map(([method, n]) => `${method.replace('textDocument/', '')} ${n}`).join(', ')}`);
  for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol']) {
    assert.ok((substantial.get(method) ?? 0) > 0, `some ${method} answers have content`);
  }
  assert.deepEqual(unanswered.slice(0, 20), [], `${unanswered.length} request(s) not answered properly`);
  assert.deepEqual(logs.slice(0, 5), [], `${logs.length} failure(s) logged by the server`);
  const guarded = server.stderr.join('').split('\n').filter((line) => line.startsWith(guardMarker));
  assert.deepEqual(guarded.slice(0, 10), [], 'the server opens no connection, starts no process, writes no file, loads no module');
  assert.equal(server.child.exitCode, null, 'the server is alive');
  assert.equal(await server.stop(), 0, 'shutdown and exit end the process with 0');
}

/**
 * Loaded into the server (NODE_OPTIONS --require) to watch what it does besides answering: each network connection,
 * DNS lookup, HTTP request, child process, file write, module load from outside the bundle goes to stderr with a
 * marker, and the test fails on any. (`--disallow-code-generation-from-strings` also makes eval and new Function throw,
 * which the server would log.) The server is allowed to do all the rest: read its own bundle, talk over stdio, and
 * write its code cache into the folder the test gives it (a session runs past the five seconds after which it does).
 */
const guardMarker = '[iam-policy-guard]';
const guardSource = `
const report = (what) => { try { process.stderr.write(${JSON.stringify(guardMarker)} + ' ' + what + '\\n'); } catch {} };
// The one folder the server may write to: its own code cache (server/src/loader/codeCache.ts), set by the test.
const cacheFolder = process.env.IAM_POLICY_LINT_CODE_CACHE + require('path').sep;
const watch = (target, name, label) => {
  const original = target && target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) {
    const path = String(args[0]);
    if (!(label.startsWith('file ') && (path + require('path').sep).startsWith(cacheFolder))) report(label + ' ' + path.slice(0, 200));
    return original.apply(this, args);
  };
};
const net = require('net');
watch(net.Socket.prototype, 'connect', 'network connection');
watch(require('tls'), 'connect', 'TLS connection');
watch(require('dgram'), 'createSocket', 'UDP socket');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) watch(require('dns'), name, 'DNS ' + name);
for (const mod of ['http', 'https']) for (const name of ['request', 'get']) watch(require(mod), name, mod + ' ' + name);
watch(globalThis, 'fetch', 'fetch');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) watch(require('child_process'), name, 'child process ' + name);
const fs = require('fs');
for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'mkdir', 'mkdirSync', 'rm', 'rmSync', 'unlink', 'unlinkSync', 'rename', 'renameSync']) watch(fs, name, 'file ' + name);
for (const name of ['writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename']) watch(fs.promises, name, 'file promises.' + name);
const Module = require('module');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (!isMain && !Module.isBuiltin(request)) report('module load ' + request);
  return load.apply(this, arguments);
};
`;

const guard = join(tmpdir(), `iam-policy-lsp-guard-${process.pid}.cjs`);
const codeCacheFolder = join(tmpdir(), `iam-policy-lsp-fuzz-cache-${process.pid}`);

function startGuardedServer(): LspProcess {
  writeFileSync(guard, guardSource);
  const saved = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = `${saved ?? ''} --require ${JSON.stringify(guard)} --disallow-code-generation-from-strings`.trim();
  try {
    return new LspProcess(['--stdio'], { IAM_POLICY_LINT_CODE_CACHE: codeCacheFolder });
  } finally {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  }
}

/** Every server started, so none outlives the suite (a stuck session's server is killed after it fails). */
const servers: LspProcess[] = [];

/** A session that cannot finish in this time is stuck: fail it rather than block the suite. */
const sessionTimeoutMs = Math.max(180_000, editsPerSession * 100);

suite('fuzz: the language server over stdio', () => {
  after(() => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill();
    rmSync(guard, { force: true });
    rmSync(codeCacheFolder, { recursive: true, force: true });
  });
  test('push diagnostics: random edits and requests, every request answered', { timeout: sessionTimeoutMs }, (t) => session(t, 'push', 1));
  test('pull diagnostics: random edits and requests, every request answered', { timeout: sessionTimeoutMs }, (t) => session(t, 'pull', 2));
});
