/**
 * Runs the built CLI (`node dist/cli.js`, made by `npm run build`) as a process, on fixture files copied into a
 * fresh temporary folder, and validates SARIF against the vendored SARIF 2.1.0 schema.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getLanguageService, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoPath } from '../support/paths';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const cliPath = repoPath('dist/cli.js');

export function runCli(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first (npm test does)`);
  // A colour setting inherited from the caller's shell would change the text output.
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, options.env);
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd: options.cwd, input: options.input ?? '', env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function fixture(name: string): string {
  return readFileSync(repoPath('test/fixtures/cli', name), 'utf8');
}

/** The folders workspace() made in this process, removed when it exits. */
const workspaces: string[] = [];

function removeWorkspaces(): void {
  for (const folder of workspaces.splice(0)) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Leaving a temporary folder behind must not fail the run.
    }
  }
}

/**
 * A new temporary folder with the given files: `{ 'a/b.iam.json': 'clean.iam.json' }` copies a fixture,
 * `{ 'x.json': { text: '...' } }` or `{ bytes }` writes content. It lasts until the test process exits (suites make
 * theirs when they load and read them after the CLI ran, so no earlier moment is safe), then it is removed.
 */
export function workspace(files: Record<string, string | { text: string } | { bytes: Uint8Array }>): string {
  // The real path: the CLI sees its working folder resolved (macOS's /tmp is a symlink).
  const folder = realpathSync(mkdtempSync(join(tmpdir(), 'iam-policy-cli-')));
  if (workspaces.length === 0) process.once('exit', removeWorkspaces);
  workspaces.push(folder);
  for (const [path, source] of Object.entries(files)) {
    const target = join(folder, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof source === 'string') copyFileSync(repoPath('test/fixtures/cli', source), target);
    else if ('text' in source) writeFileSync(target, source.text);
    else writeFileSync(target, source.bytes);
  }
  return folder;
}

export function read(folder: string, path: string): string {
  return readFileSync(join(folder, path), 'utf8');
}

/** The one line a usage error prints. */
export function assertOneLine(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${text}`);
  return lines[0]!;
}

export interface JsonReport {
  files: {
    path: string;
    policyType: string;
    policyTypeSource: string;
    fixed: boolean;
    output?: string;
    /** For infrastructure code: the host's kind and its policies. */
    host?: { kind: string; policies: { label: string; policyType: string }[] };
    problems: {
      ruleId: string;
      messageId: string;
      severity: string;
      message: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
      offset: number;
      length: number;
      fixable: boolean;
    }[];
  }[];
  errorCount: number;
  warningCount: number;
}

let sarifSchema: JSONSchema | undefined;

/** Schema violations of a SARIF log, as "line:col message" strings (empty when valid). */
export async function sarifSchemaErrors(text: string): Promise<string[]> {
  sarifSchema ??= JSON.parse(readFileSync(repoPath('test/fixtures/sarif-2.1.0.schema.json'), 'utf8')) as JSONSchema;
  const service = getLanguageService({});
  const document = TextDocument.create('file:///output.sarif', 'json', 1, text);
  const json = service.parseJSONDocument(document);
  const diagnostics = await service.doValidation(document, json, { schemaValidation: 'error', schemaRequest: 'error' }, sarifSchema);
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}
