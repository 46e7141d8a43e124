// What the extension costs when VS Code activates it for a YAML file that is no infrastructure code (package.json
// activates it on any YAML): run as `node activation-probe.cjs <client.js> <documents.json> <iterations>`, it loads
// the shipped client bundle with a stand-in for the `vscode` module, activates it with one document open, and times
// the client's own decision (`worthServing`, exported by client.js). Whether the server would start is seen, not
// inferred: the client loads the language client bundle through `context.asAbsolutePath`, which answers with this
// file, whose export below stands in for it and counts the calls of its startClient. Prints JSON on stdout.
/* global process, require, module, __filename, performance, Buffer, console */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, as the client bundle it loads */
'use strict';
// Required by the client as its language client bundle (it is cached as the main module, so export first).
const starts = [];
module.exports = { startClient: async (context) => void starts.push(context), stopClient: async () => {} };
if (require.main !== module) return;
const Module = require('node:module');
const { readFileSync } = require('node:fs');

const [clientJs, documentsFile, iterationsText] = process.argv.slice(2);
const documents = JSON.parse(readFileSync(documentsFile, 'utf8'));
const iterations = Number(iterationsText);

const noDisposable = { dispose() {} };
const vscode = {
  workspace: {
    textDocuments: [],
    openListeners: [],
    onDidOpenTextDocument(listener) {
      this.openListeners.push(listener);
      return { dispose: () => (this.openListeners = this.openListeners.filter((l) => l !== listener)) };
    },
    onDidChangeConfiguration: () => noDisposable,
    getConfiguration: () => ({ get: (_key, fallback) => fallback }),
    asRelativePath: (uri) => uri.path,
  },
  languages: { setTextDocumentLanguage: async () => {} },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

const asDocument = (d) => ({ languageId: d.languageId, uri: { path: d.path, fsPath: d.path, toString: () => `file://${d.path}` }, getText: () => d.text });

(async () => {
  let started = performance.now();
  const client = require(clientJs);
  const loadMs = performance.now() - started;
  const results = [];
  for (const d of documents) {
    const document = asDocument(d);
    const before = starts.length;
    const context = { subscriptions: [], asAbsolutePath: () => __filename };
    // Activation with the document open (it activated the extension) ...
    vscode.workspace.textDocuments = [document];
    vscode.workspace.openListeners = [];
    started = performance.now();
    await client.activate(context);
    const activateMs = performance.now() - started;
    const startedOnActivation = starts.length > before;
    // ... and the document opened later, the extension already active.
    vscode.workspace.textDocuments = [];
    vscode.workspace.openListeners = [];
    const later = { subscriptions: [], asAbsolutePath: context.asAbsolutePath };
    await client.activate(later);
    started = performance.now();
    for (const listener of vscode.workspace.openListeners) listener(document);
    const openMs = performance.now() - started;
    const startedOnOpen = starts.length > before + (startedOnActivation ? 1 : 0);
    // The decision alone, warm.
    const times = [];
    for (let i = 0; i < iterations; i++) {
      const at = performance.now();
      client.worthServing(document);
      times.push(performance.now() - at);
    }
    results.push({ name: d.name, bytes: Buffer.byteLength(d.text), activateMs, openMs, startedOnActivation, startedOnOpen, worthServingMs: times });
  }
  process.stdout.write(JSON.stringify({ loadMs, results }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
