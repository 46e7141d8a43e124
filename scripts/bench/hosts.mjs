// Policies inside infrastructure code (issue #14, point 9), through the shipped server over stdio as the diagnostics
// and latency sections do, and in-process where only one function is in question:
// - edit → diagnostics on a 100-resource CloudFormation template (YAML and JSON), a ~1 MB one and a 2,000-line .tf,
//   each against the loose JSON policy of the same statements in the same server: the budget is the loose figure plus
//   20 ms, the host parse allowed on 1 MB;
// - completion after "s3:Get" in an embedded policy's Action list, after an edit (the host is read again) and on the
//   same version: p95 within the loose budget (5 ms) plus the host parse allowance pro rata to the file's size;
// - the host parse alone (readHost, from a bundle esbuild.mjs --bench builds like the server's) on 1 MB: ≤ 20 ms;
// - activation for a YAML file that is no infrastructure code, through the shipped dist/client.js
//   (activation-probe.cjs): the client's decision under 5 ms, and the server not started.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudFormationTemplate, terraformFile } from './hostDocuments.mjs';
import { unrelatedYaml } from './unrelatedYaml.mjs';
import { offsetAt, positionAt, startServer } from './server.mjs';
import { median, quantile } from './statistics.mjs';
import { failedRow, row } from './table.mjs';
import { benchBundle } from './benchBundle.mjs';

const parseAllowanceMs = 20; // per 1 MB of host text, on top of the loose figure
const looseCompletionBudgetMs = 5; // the latency section's budget

/** The documents, generated from the corpus statements (fixed order, so runs compare). */
function hostDocuments(statements) {
  const hundred = { groups: 20, corpusPerPolicy: 2 }; // 20 groups of 5 resources
  const large = { maxBytes: 1_000_000, corpusPerPolicy: 8 };
  return [
    { name: '100-resource template (YAML)', languageId: 'yaml', ext: 'yaml', edits: 10, quickEdits: 3, ...cloudFormationTemplate(statements, { syntax: 'yaml', ...hundred }) },
    { name: '100-resource template (JSON)', languageId: 'json', ext: 'json', edits: 10, quickEdits: 3, ...cloudFormationTemplate(statements, { syntax: 'json', ...hundred }) },
    { name: '1 MB template (YAML)', languageId: 'yaml', ext: 'yaml', edits: 5, quickEdits: 2, ...cloudFormationTemplate(statements, { syntax: 'yaml', ...large }) },
    { name: '1 MB template (JSON)', languageId: 'json', ext: 'json', edits: 5, quickEdits: 2, ...cloudFormationTemplate(statements, { syntax: 'json', ...large }) },
    { name: '2,000-line .tf', languageId: 'terraform', ext: 'tf', edits: 10, quickEdits: 3, ...terraformFile(statements, { minLines: 2000, corpusPerPolicy: 2 }) },
  ];
}

const kb = (text) => `${(Buffer.byteLength(text) / 1e3).toFixed(0)} KB`;
const lineCount = (text) => text.split('\n').length - 1;

/** Where typing happens in the loose policy: the end of its first action's text, as in the diagnostics section. */
function looseEditPosition(text) {
  const match = /"(?:Not)?Action": (?:\[\s*)?"[^"]*"/.exec(text);
  if (!match) throw new Error('the loose policy has no action to edit');
  return positionAt(text, match.index + match[0].length - 1);
}

/** An open document that alternately gains and loses one character at `at`, each edit a new version. */
function editable(server, uri, at) {
  let version = 1;
  let typed = false;
  return {
    version: () => version,
    edit() {
      const range = typed ? { start: at, end: { line: at.line, character: at.character + 1 } } : { start: at, end: at };
      const change = { range, text: typed ? '' : 'x' };
      typed = !typed;
      return server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    },
  };
}

/** Median edit → diagnostics time of a document opened in `server` (the first pull is not counted). */
async function editToDiagnostics(server, { uri, languageId, text, at, edits, warmup }) {
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const first = await server.request('textDocument/diagnostic', { textDocument: { uri } });
  const document = editable(server, uri, at);
  const times = [];
  for (let i = 0; i < warmup + edits; i++) {
    const started = performance.now();
    await document.edit();
    await server.request('textDocument/diagnostic', { textDocument: { uri } });
    if (i >= warmup) times.push(performance.now() - started);
  }
  await server.notify('textDocument/didClose', { textDocument: { uri } });
  return { medianMs: median(times), maxMs: Math.max(...times), findings: first.items?.length ?? 0, timesMs: times };
}

async function measureDiagnostics(context, documents) {
  const rows = [];
  const details = {};
  for (const [index, d] of documents.entries()) {
    const edits = context.quick ? d.quickEdits : d.edits;
    const warmup = Buffer.byteLength(d.text) > 200_000 ? 1 : 3;
    const server = await startServer({ serverJs: join(context.bundles, 'server.js'), pull: true, nodeArgs: context.serverArgs(`hosts-diagnostics-${index}`) });
    try {
      const host = await editToDiagnostics(server, { uri: `file:///bench/hosts/template-${index}.${d.ext}`, languageId: d.languageId, text: d.text, at: d.cursors.edit, edits, warmup });
      const loose = await editToDiagnostics(server, {
        uri: `file:///bench/hosts/loose-${index}.iam.json`,
        languageId: 'iam-policy',
        text: d.loose,
        at: looseEditPosition(d.loose),
        edits,
        warmup,
      });
      details[d.name] = { bytes: Buffer.byteLength(d.text), lines: lineCount(d.text), policies: d.policies, statements: d.statements, host, loose: { bytes: Buffer.byteLength(d.loose), ...loose } };
      const budget = loose.medianMs + parseAllowanceMs;
      rows.push(
        row('hosts', `${d.name}: edit → diagnostics (median)`, {
          value: host.medianMs,
          unit: 'ms',
          digits: 1,
          budget: { atMost: budget, text: `≤ loose + ${parseAllowanceMs} ms = ${budget.toFixed(0)} ms` },
          detail:
            `${edits} edits; max ${host.maxMs.toFixed(0)} ms; ${kb(d.text)}, ${lineCount(d.text).toLocaleString('en-US')} lines` +
            `${d.resources ? `, ${d.resources} resources` : ''}, ${d.policies} policies, ${d.statements} statements, ${host.findings} findings; ` +
            `loose JSON of the same statements (${kb(d.loose)}): median ${loose.medianMs.toFixed(1)} ms, ${loose.findings} findings`,
        }),
      );
    } finally {
      await server.stop();
    }
  }
  return { rows, details };
}

/** Completion round trips at a cursor: after an edit elsewhere each time (the host is read again), and unchanged. */
async function completionTimes(server, { uri, languageId, text, at, cursor, requests, warmup }) {
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const document = editable(server, uri, at);
  const params = { textDocument: { uri }, position: cursor };
  const run = async (afterEdit) => {
    const times = [];
    for (let i = 0; i < warmup + requests; i++) {
      if (afterEdit) await document.edit();
      const started = performance.now();
      const result = await server.request('textDocument/completion', params);
      const elapsed = performance.now() - started;
      const items = Array.isArray(result) ? result : result?.items;
      if (i === 0 && !items?.length) throw new Error(`no completion at ${JSON.stringify(cursor)} in ${uri}`);
      if (i === 0 && !items.some((item) => String(item.label).toLowerCase().startsWith('s3:get') || String(item.label).toLowerCase().startsWith('get')))
        throw new Error(`the completion at ${JSON.stringify(cursor)} in ${uri} offers no s3:Get… action`);
      if (i >= warmup) times.push(elapsed);
    }
    return { p50Ms: median(times), p95Ms: quantile(times, 0.95), count: times.length };
  };
  const afterEdit = await run(true);
  const sameVersion = await run(false);
  await server.notify('textDocument/didClose', { textDocument: { uri } });
  return { afterEdit, sameVersion };
}

async function measureCompletion(context, documents) {
  const cases = [
    { document: documents[0], cursor: 'complete', where: 'Action list' },
    { document: documents[2], cursor: 'complete', where: 'Action list', heavy: true },
    { document: documents[4], cursor: 'complete', where: 'jsonencode Action list' },
    { document: documents[4], cursor: 'completeDocument', where: 'aws_iam_policy_document actions' },
  ];
  const rows = [];
  const details = {};
  const server = await startServer({ serverJs: join(context.bundles, 'server.js'), pull: true, nodeArgs: context.serverArgs('hosts-completion') });
  try {
    for (const [index, c] of cases.entries()) {
      const d = c.document;
      const requests = c.heavy ? (context.quick ? 5 : 20) : context.quick ? 50 : 300;
      const warmup = c.heavy ? 2 : context.quick ? 5 : 30;
      const result = await completionTimes(server, {
        uri: `file:///bench/hosts/completion-${index}.${d.ext}`,
        languageId: d.languageId,
        text: d.text,
        at: d.cursors.edit,
        cursor: d.cursors[c.cursor],
        requests,
        warmup,
      });
      const budget = looseCompletionBudgetMs + (parseAllowanceMs * Buffer.byteLength(d.text)) / 1e6;
      details[`${d.name}, ${c.where}`] = result;
      rows.push(
        row('hosts', `completion after "s3:Get" in ${d.name}, ${c.where} (p95)`, {
          value: result.afterEdit.p95Ms,
          unit: 'ms',
          digits: 2,
          budget: { below: budget, text: `< ${looseCompletionBudgetMs} ms + ${parseAllowanceMs} ms × ${(Buffer.byteLength(d.text) / 1e6).toFixed(2)} MB = ${budget.toFixed(1)} ms` },
          detail:
            `after an edit: p50 ${result.afterEdit.p50Ms.toFixed(2)} ms (${result.afterEdit.count} requests); ` +
            `same version: p50 ${result.sameVersion.p50Ms.toFixed(2)}, p95 ${result.sameVersion.p95Ms.toFixed(2)} ms`,
        }),
      );
    }
  } finally {
    await server.stop();
  }
  return { rows, details };
}

/** readHost alone, in-process: the median of `runs` reads after one warm-up read. */
async function measureParse(context, documents) {
  const readers = benchBundle(context);
  const { prepareHost, readHost } = readers;
  const syntaxOf = { yaml: 'yaml', json: 'json', tf: 'terraform' };
  const rows = [];
  const details = {};
  for (const d of documents.slice(2)) {
    const syntax = syntaxOf[d.ext];
    await prepareHost(syntax);
    const runs = context.quick ? 5 : 20;
    // The host parse an edit pays: the document read again after one character typed where the diagnostics rows
    // type (a YAML template keeps the readings of the resources the edit did not touch, templatePieces.ts), and the
    // whole read a file gets when it is opened.
    const editAt = offsetAt(d.text, d.cursors.edit);
    const edited = (i) => (i % 2 === 1 ? `${d.text.slice(0, editAt)}x${d.text.slice(editAt)}` : d.text);
    const times = [];
    let host;
    for (let i = 0; i <= runs; i++) {
      const text = edited(i);
      const started = performance.now();
      host = readHost(syntax, text);
      if (i > 0) times.push(performance.now() - started);
    }
    const wholeTimes = [];
    for (let i = 0; i <= Math.min(runs, 10); i++) {
      const started = performance.now();
      host = readHost(syntax, d.text, { byPieces: false });
      if (i > 0) wholeTimes.push(performance.now() - started);
    }
    if (!host || host.policies.length !== d.policies) throw new Error(`readHost found ${host?.policies.length ?? 'no host'} of the ${d.policies} policies in the ${d.name}`);
    const parseStarted = performance.now();
    for (let i = 0; i < runs; i++) JSON.parse(d.loose);
    const jsonParseMs = (performance.now() - parseStarted) / runs;
    const perMb = median(wholeTimes) / (Buffer.byteLength(d.text) / 1e6);
    details[d.name] = { afterEditMs: times, wholeMs: wholeTimes, syntaxErrors: host.syntaxErrors.length, looseJsonParseMs: jsonParseMs };
    const phases = d.ext === 'yaml' ? yamlPhases(readers, d.text, runs) : undefined;
    if (phases) details[d.name].phasesMs = phases;
    rows.push(
      row('hosts', `readHost after an edit, ${d.name} (median)`, {
        value: median(times),
        unit: 'ms',
        digits: 1,
        budget: d.ext === 'tf' ? undefined : { atMost: parseAllowanceMs },
        detail:
          `in-process, ${runs} reads, a character typed and removed in turn; max ${Math.max(...times).toFixed(0)} ms; ${kb(d.text)}, ${host.policies.length} policies, ` +
          `${host.syntaxErrors.length} syntax errors; JSON.parse of the loose policy (${kb(d.loose)}): ${jsonParseMs.toFixed(1)} ms`,
      }),
      row('hosts', `readHost of the whole ${d.name}, as on opening (median)`, {
        value: median(wholeTimes),
        unit: 'ms',
        digits: 1,
        detail: `in-process, ${wholeTimes.length} reads with nothing kept; ${perMb.toFixed(0)} ms per MB`,
      }),
    );
    if (phases) rows.push(...yamlPhaseRows(d, phases, runs));
  }
  rows.push(unrelatedParseRow(readers, context.quick ? 3 : 5));
  return { rows, details };
}

/**
 * Where readHost's time goes on YAML: the yaml package's Lexer, its Parser (which runs the Lexer and reads
 * process.env.LOG_TOKENS once per lexeme), its Composer (with the options readYaml gives it), our walk over the
 * composed documents (readYaml less the two), and the CloudFormation reader on what readYaml returned. Medians.
 */
function yamlPhases({ Lexer, Parser, Composer, readYaml, readCloudFormation }, text, runs) {
  const timed = (action) => {
    action();
    const times = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      action();
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const lex = () => {
    let count = 0;
    for (const lexeme of new Lexer().lex(text)) if (typeof lexeme === 'string') count++;
    return count;
  };
  const lexemes = lex();
  const lexer = timed(lex);
  const parser = timed(() => Array.from(new Parser().parse(text)));
  const envReads = timed(() => {
    let logging = 0;
    for (let i = 0; i < lexemes; i++) if (process.env.LOG_TOKENS) logging++;
    return logging;
  });
  const tokens = Array.from(new Parser().parse(text));
  // As readYaml composes: no stack traces for the warnings each `!Sub` gives.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const composer = timed(() => {
    const composing = new Composer({ keepSourceTokens: true, prettyErrors: false, schema: 'core', uniqueKeys: false });
    return [...composing.compose(tokens), ...composing.end()];
  });
  Error.stackTraceLimit = stackTraceLimit;
  const readYamlMs = timed(() => readYaml(text));
  const read = readYaml(text);
  const cloudFormation = timed(() => readCloudFormation(text, 'yaml', read));
  return { lexemes, lexer, parser, envReads, composer, readYaml: readYamlMs, walk: Math.max(0, readYamlMs - parser - composer), cloudFormation };
}

function yamlPhaseRows(d, phases, runs) {
  const phaseRow = (name, value, detail) => row('hosts', `${d.name} readHost, ${name} (median)`, { value, unit: 'ms', digits: 1, detail: `in-process, ${runs} runs; ${detail}` });
  const share = (value) => `${Math.round((100 * value) / (phases.readYaml + phases.cloudFormation))} % of readYaml + readCloudFormation`;
  return [
    phaseRow('yaml Lexer alone', phases.lexer, `${phases.lexemes.toLocaleString('en-US')} lexemes; the Parser runs it`),
    phaseRow('yaml Parser (Lexer included)', phases.parser, `${share(phases.parser)}; of which ~${phases.envReads.toFixed(0)} ms reading process.env.LOG_TOKENS once per lexeme (timed alone)`),
    phaseRow('yaml Composer', phases.composer, `${share(phases.composer)}; core schema, keepSourceTokens, as readYaml composes`),
    phaseRow('our walk in readYaml', phases.walk, `${share(phases.walk)}; readYaml ${phases.readYaml.toFixed(0)} ms less Parser and Composer: tags/anchors from the CST, HostValue tree, layouts`),
    phaseRow('readCloudFormation', phases.cloudFormation, `${share(phases.cloudFormation)}; on the YamlRead, finding the ${d.policies} policies`),
  ];
}

/**
 * readHost on 1 MB of Kubernetes manifests, one of them with an EKS service account's role ARN (`arn:aws:iam::`):
 * what the server pays on every edit of such a file, a full parse if mayBeHost lets it through.
 */
function unrelatedParseRow({ mayBeHost, readHost }, runs) {
  const documents = unrelatedYaml();
  const withRole = documents.find((d) => d.name.includes('EKS role'));
  const large = documents.find((d) => d.name.startsWith('1 MB'));
  const text = `${large.text}---\n${withRole.text}`;
  const times = [];
  let host;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    host = readHost('yaml', text);
    if (i > 0) times.push(performance.now() - started);
  }
  return row('hosts', 'readHost on 1 MB of Kubernetes manifests with a role ARN (median)', {
    value: median(times),
    unit: 'ms',
    digits: 1,
    detail: `in-process, ${runs} reads; ${kb(text)}; no infrastructure code (${host ? 'READ AS A HOST' : 'no host'}); the cheap test ${mayBeHost('yaml', text) ? 'lets it through, so it is parsed' : 'stops it before any parse'}`,
  });
}

/** Activation for unrelated YAML: the shipped client bundle in a fresh process per spawn (activation-probe.cjs). */
function measureActivation(context) {
  const documents = [...unrelatedYaml(), { ...cloudFormationTemplate([], { syntax: 'yaml', groups: 1, corpusPerPolicy: 0 }), name: 'a CloudFormation template (control)', languageId: 'yaml', path: '/work/template.yaml' }];
  const file = join(context.bundles, 'activation-documents.json');
  writeFileSync(file, JSON.stringify(documents.map(({ name, languageId, path, text }) => ({ name, languageId, path, text }))));
  const spawns = context.quick ? 3 : 10;
  const iterations = context.quick ? 200 : 1000;
  const runs = [];
  for (let i = 0; i < spawns; i++) {
    const out = execFileSync(process.execPath, [join(import.meta.dirname, 'activation-probe.cjs'), join(context.bundles, 'client.js'), file, String(iterations)], { encoding: 'utf8' });
    runs.push(JSON.parse(out));
  }
  const rows = [];
  const perDocument = documents.map((d, n) => {
    const results = runs.map((r) => r.results[n]);
    return {
      name: d.name,
      bytes: results[0].bytes,
      control: d.name.includes('control'),
      activateMs: median(results.map((r) => r.activateMs)),
      openMs: median(results.map((r) => r.openMs)),
      worthServingP50Ms: median(results.flatMap((r) => r.worthServingMs)),
      worthServingP95Ms: quantile(results.flatMap((r) => r.worthServingMs), 0.95),
      started: results.some((r) => r.startedOnActivation || r.startedOnOpen),
    };
  });
  const unrelated = perDocument.filter((d) => !d.control);
  const control = perDocument.find((d) => d.control);
  const loadMs = median(runs.map((r) => r.loadMs));
  const firstActivation = unrelated[0];
  rows.push(
    row('hosts', `activation for unrelated YAML: load dist/client.js + activate() (median)`, {
      value: loadMs + firstActivation.activateMs,
      unit: 'ms',
      digits: 2,
      budget: { below: 5 },
      detail: `fresh process, ${spawns} spawns; load ${loadMs.toFixed(2)} ms, activate() with ${firstActivation.name} open ${firstActivation.activateMs.toFixed(2)} ms (first call, cold)`,
    }),
  );
  for (const d of unrelated) {
    rows.push(
      row('hosts', `worthServing on ${d.name} (p95)`, {
        value: d.worthServingP95Ms,
        unit: 'ms',
        digits: 3,
        budget: { below: 5 },
        detail: `${(d.bytes / 1e3).toFixed(1)} KB; p50 ${d.worthServingP50Ms.toFixed(3)} ms warm; cold: activate() ${d.activateMs.toFixed(2)} ms, opened later ${d.openMs.toFixed(2)} ms; server started: ${d.started ? 'YES' : 'no'}`,
      }),
    );
  }
  const startedFor = unrelated.filter((d) => d.started).map((d) => d.name);
  rows.push(
    row('hosts', 'unrelated YAML documents that start the server', {
      value: startedFor.length,
      unit: `of ${unrelated.length}`,
      budget: { equals: 0, text: 'none' },
      detail: `${startedFor.length > 0 ? `started for: ${startedFor.join('; ')}; ` : ''}control: a CloudFormation template ${control.started ? 'starts it' : 'DOES NOT start it (the probe sees nothing)'}`,
    }),
  );
  return { rows, details: { spawns, iterations, loadMs, documents: perDocument } };
}

export async function measureHosts(context) {
  const documents = hostDocuments(context.statements);
  const parts = [
    ['diagnostics', () => measureDiagnostics(context, documents)],
    ['completion', () => measureCompletion(context, documents)],
    ['parse', () => measureParse(context, documents)],
    ['activation', () => measureActivation(context)],
  ];
  const rows = [];
  const details = {};
  // One part failing leaves the others' figures standing.
  for (const [name, measure] of parts) {
    try {
      const result = await measure();
      rows.push(...result.rows);
      details[name] = result.details;
    } catch (error) {
      rows.push(failedRow('hosts', name, error));
    }
  }
  return { rows, details };
}
