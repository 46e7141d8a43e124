// The GitHub Action's entry (action.yml at the repository root runs it): reads the action's inputs from the
// environment, as GitHub passes them (INPUT_PATHS, INPUT_FAIL-LEVEL, ...), runs the CLI and, when asked, writes a
// SARIF file for the upload step. Exit status: the CLI's (0 clean, 1 findings over the fail level, 2 bad usage or
// input), except that fail-level `none` turns findings into 0. No dependencies: it runs before anything is installed
// for it but the CLI bundle.
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const formats = ['text', 'json', 'sarif'];
const failLevels = ['error', 'warning', 'none'];

/** An input as GitHub names it in the environment (`INPUT_FAIL-LEVEL`), or with `_` (what a composite step can set). */
function input(env, name, fallback) {
  const key = `INPUT_${name.toUpperCase()}`;
  const value = env[key] ?? env[key.replaceAll('-', '_')];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

/** Words separated by spaces or new lines (a YAML block list of paths reads naturally). */
function words(text) {
  return text.split(/\s+/).filter((word) => word !== '');
}

/**
 * The action's steps as a function of its environment. Returns the exit status; `write` receives the CLI's output
 * and the action's own messages (GitHub workflow commands such as `::error::`).
 */
export function runAction({ env, cwd, write = (text) => process.stdout.write(text) }) {
  const fail = (message) => {
    write(`::error title=iam-policy-lint::${message}\n`);
    return 2;
  };
  const paths = words(input(env, 'paths', '.'));
  const format = input(env, 'format', 'text');
  const failLevel = input(env, 'fail-level', 'error');
  const sarif = input(env, 'sarif', 'false');
  const sarifFile = resolve(cwd, input(env, 'sarif-file', 'iam-policy-lint.sarif'));
  const extra = words(input(env, 'args', ''));
  if (!formats.includes(format)) return fail(`format ${format}: expected ${formats.join(', ')}`);
  if (!failLevels.includes(failLevel)) return fail(`fail-level ${failLevel}: expected ${failLevels.join(', ')}`);
  if (sarif !== 'true' && sarif !== 'false') return fail(`sarif ${sarif}: expected true or false`);

  const actionRoot = env.GITHUB_ACTION_PATH ?? join(import.meta.dirname, '..', '..');
  const cli = env.IAM_POLICY_LINT_CLI ?? join(actionRoot, 'dist', 'cli.js');
  // Warnings fail the run at fail-level warning; info and hint never do (as with --max-warnings in the CLI).
  const threshold = failLevel === 'warning' ? ['--max-warnings', '0'] : [];
  const run = (runFormat) => {
    const result = spawnSync(process.execPath, [cli, '--format', runFormat, ...threshold, ...extra, '--', ...paths], {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    });
    if (result.error) throw result.error;
    return result;
  };

  let status;
  if (sarif === 'true' && format === 'sarif') {
    // One run: its SARIF goes to the file, not into the log.
    const result = run('sarif');
    write(result.stderr);
    if (result.stdout !== '') writeFileSync(sarifFile, result.stdout);
    status = result.status;
  } else {
    const result = run(format);
    write(result.stdout + result.stderr);
    status = result.status;
    if (sarif === 'true' && status !== 2) {
      const forUpload = run('sarif');
      if (forUpload.stdout !== '') writeFileSync(sarifFile, forUpload.stdout);
    }
  }
  if (env.GITHUB_OUTPUT) {
    appendFileSync(env.GITHUB_OUTPUT, `exit-code=${status}\n`);
    if (sarif === 'true' && status !== 2) appendFileSync(env.GITHUB_OUTPUT, `sarif-file=${sarifFile}\n`);
  }
  if (status === 1 && failLevel === 'none') return 0;
  return status ?? 2; // null: the CLI was killed
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runAction({ env: process.env, cwd: process.env.GITHUB_WORKSPACE ?? process.cwd() });
}
