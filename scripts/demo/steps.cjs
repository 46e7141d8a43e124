// The demo's steps, quiet: each tool's output (npm, vsce, node-gyp, code-server) goes to one log file, and the
// terminal gets a line per step, the URL at the end, or, when a step fails, the end of the log.
// CommonJS, so that demo.mjs and the TypeScript tests (CommonJS to the type checker) can both import it.
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, for the reason above */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { appendFileSync, closeSync, openSync, readFileSync } = require('node:fs');

/** The last `count` non-blank lines of a log, for a failure's message. */
function logTail(text, count = 25) {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}

class StepFailed extends Error {}

/**
 * Runs a command with its stderr (and stdout, unless `captureStdout`) appended to the log; returns its stdout when
 * captured (it is logged too). A failure throws StepFailed with the command, its status and the end of the log.
 */
function runLogged(command, args, { cwd, log, env, captureStdout = false }) {
  appendFileSync(log, `\n$ ${[command, ...args].join(' ')}\n`);
  const fd = openSync(log, 'a');
  let result;
  try {
    result = spawnSync(command, args, { cwd, env, stdio: ['ignore', captureStdout ? 'pipe' : fd, fd], encoding: 'utf8', maxBuffer: 1 << 28 });
  } finally {
    closeSync(fd);
  }
  if (captureStdout && result.stdout) appendFileSync(log, result.stdout);
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : `exit status ${result.status ?? result.signal}`;
    throw new StepFailed(`${command} ${args.join(' ')} failed (${why}). The end of ${log}:\n\n${logTail(readFileSync(log, 'utf8'))}`);
  }
  return captureStdout ? result.stdout : '';
}

/** Whether code-server's output says it serves (its own line; the URL we print adds the folder). */
function isListening(output) {
  return /HTTP server listening on/.test(output);
}

/**
 * Starts a long-running command with its output appended to the log; `onReady` runs once, when `ready` is true of
 * the output so far; `onExit` gets the status and, when it ended before it was ready, the end of the log.
 */
function startLogged(command, args, { cwd, log, ready, onReady, onExit }) {
  appendFileSync(log, `\n$ ${[command, ...args].join(' ')}\n`);
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  let isReady = false;
  const take = (chunk) => {
    const text = chunk.toString();
    appendFileSync(log, text);
    if (isReady) return;
    seen = (seen + text).slice(-4096); // the ready line may arrive in pieces
    if (ready(seen)) {
      isReady = true;
      onReady();
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  child.on('exit', (code, signal) => onExit(code ?? (signal ? 1 : 0), isReady ? undefined : logTail(readFileSync(log, 'utf8'))));
  return child;
}

/** A progress line: `[2/3] Installing code-server… ` now, `done (41 s)` when the step ends. */
function progress(write, index, total, title) {
  const started = Date.now();
  write(`[${index}/${total}] ${title}… `);
  return (outcome = 'done') => write(`${outcome} (${Math.round((Date.now() - started) / 1000)} s)\n`);
}

module.exports = { logTail, StepFailed, runLogged, isListening, startLogged, progress };
