/**
 * Which files the CLI lints. A named file is linted as it is; a folder is searched for the policy file patterns
 * (plus the config's extra patterns), and by content for JSON that looks like a policy and for infrastructure code
 * that holds policies; a glob the shell did not expand (`'policies/**\/*.json'`) is expanded here.
 * The nearest config's ignore globs apply to all three.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { minimatch, Minimatch } from 'minimatch';
import { isIgnoredBy, matchesExtraFilePattern, type ProjectConfigFile } from '../config/projectConfig';
import { hostSyntax, mayHoldPolicies, readHost } from '../hosts/readHost';
import { looksLikePolicyText } from '../policy/parse';

/** The same patterns the extension associates with the iam-policy language (package.json `languages`). */
export const policyFilePatterns = ['*.iam.json', '*.policy.json', '*-policy.json', '*.trust.json', '*.scp.json', '*.rcp.json', '*.boundary.json', '*.resource.json'];

/**
 * Never searched: dependencies and version control hold no policies of the project's own, and tools' output folders
 * hold generated copies of them (cdk.out: synthesised templates; .terraform: downloaded modules; .serverless and
 * .aws-sam: packaged templates).
 */
const skippedFolders = new Set(['node_modules', '.git', 'cdk.out', '.terraform', '.serverless', '.aws-sam']);

/** Larger files found in a folder are not read to see what they hold (a policy or template never is this large). */
const largestSearched = 4_000_000;

/**
 * A file in a folder that is not named like a policy but holds one: JSON that looks like a policy by the editor's
 * test (`s3-read.json`, `deploy.json`), or infrastructure code that holds policies (a template, Terraform, CDK code).
 * Other JSON (package.json, tsconfig.json, schemas, settings) is passed over, so it is neither linted nor counted.
 */
function holdsPolicies(path: string, name: string): boolean {
  const syntax = hostSyntax({ path: name });
  if (!syntax) return false;
  try {
    if (statSync(path).size > largestSearched) return false;
    const text = readFileSync(path, 'utf8');
    if (mayHoldPolicies(syntax, text)) {
      // YAML and JSON read synchronously: a workflow that mentions `iam:` or JSON that names an AWS type is passed
      // over unless it really is a template or a service. Terraform and CDK need their grammars loaded: the cheap
      // look decides, and such a file that holds no policy is reported clean.
      if (syntax !== 'yaml' && syntax !== 'json') return true;
      if ((readHost(syntax, text)?.policies.length ?? 0) > 0) return true;
    }
    return syntax === 'json' && looksLikePolicyText(text);
  } catch {
    return false; // unreadable: the folder search passes over it, as it does over unreadable folders in globs
  }
}

export class UsageError extends Error {}

/** Fatal decoding: a policy with invalid UTF-8 is refused, not silently mangled. The BOM is kept aside. */
export function decodeUtf8(bytes: Uint8Array, name: string): { text: string; bom: boolean } {
  // Checked, then decoded, natively: a TextDecoder made for each of thousands of files cost more than reading them.
  if (!isUtf8(bytes)) throw new UsageError(`${name}: not valid UTF-8 text`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bom = text.startsWith('\ufeff');
  return { text: bom ? text.slice(1) : text, bom };
}

/** A path as the messages show it: relative to the working folder. */
export function displayPathOf(cwd: string, path: string): string {
  return relative(cwd, path) || path;
}

/** Reads config files for the lookup; a present but unreadable or invalid config stops the run (exit 2). */
export function configReader(cwd: string) {
  return (path: string): string | undefined => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new UsageError(`${displayPathOf(cwd, path)}: cannot read (${code ?? String(error)})`);
    }
    return decodeUtf8(bytes, displayPathOf(cwd, path)).text;
  };
}

/** A file's text as decodeUtf8 gives it; a file that cannot be read is a usage error naming it. */
export function readTextFile(path: string, name: string): { text: string; bom: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${name}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return decodeUtf8(bytes, name);
}

const policyFileMatchers = policyFilePatterns.map((pattern) => new Minimatch(pattern, { nocase: true, dot: true }));

export function isPolicyFileName(name: string): boolean {
  return policyFileMatchers.some((matcher) => matcher.match(name));
}

export interface FileSearch {
  readonly cwd: string;
  /**
   * Files named on the command line are passed over unless a folder search would pick them up (--only-policy-files:
   * pre-commit names every staged file that matches its pattern, package.json included).
   */
  readonly onlyPolicyFiles?: boolean;
  /** The config that applies to a path (the nearest one above it). */
  readonly configFor: (path: string) => ProjectConfigFile | undefined;
}

export interface FoundFiles {
  /** Absolute paths, in argument order, each folder's entries sorted, without duplicates. */
  readonly files: readonly string[];
  /** Files named on the command line that a config ignores, with that config (the CLI says so on stderr). */
  readonly ignored: readonly { readonly path: string; readonly config: ProjectConfigFile }[];
}

function sortedEntries(folder: string): Dirent[] {
  return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function ignoredBy(search: FileSearch, path: string): ProjectConfigFile | undefined {
  const config = search.configFor(path);
  return config && isIgnoredBy(config, path) ? config : undefined;
}

/** Counts what a folder search skipped because of ignore globs, for a helpful message when nothing is left. */
interface WalkStats {
  ignored: number;
  ignoredBy: ProjectConfigFile | undefined;
}

function noteIgnored(stats: WalkStats, config: ProjectConfigFile): void {
  stats.ignored++;
  stats.ignoredBy ??= config;
}

/** Whether a folder search picks up this file: by its name, the config's filePatterns, or its content. */
function isSearchedFor(path: string, name: string, config: ProjectConfigFile | undefined): boolean {
  return isPolicyFileName(name) || matchesExtraFilePattern(config, path) || holdsPolicies(path, name);
}

function walkFolder(folder: string, search: FileSearch, found: string[], stats: WalkStats): void {
  for (const entry of sortedEntries(folder)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (skippedFolders.has(entry.name)) continue;
      const config = ignoredBy(search, path);
      if (config) noteIgnored(stats, config);
      else walkFolder(path, search, found, stats);
    } else if (entry.isFile()) {
      const config = search.configFor(path);
      if (!isSearchedFor(path, entry.name, config)) continue;
      if (config && isIgnoredBy(config, path)) noteIgnored(stats, config);
      else found.push(path);
    }
  }
}

function isGlobSegment(segment: string): boolean {
  return new Minimatch(segment).hasMagic();
}

/** Expands one brace-free glob by walking from its literal prefix, pruning folders the glob cannot reach. */
function expandGlob(pattern: string, search: FileSearch, found: string[], stats: WalkStats): void {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex(isGlobSegment);
  if (firstMagic < 0) {
    // A brace alternative without wildcards: a plain path that may or may not exist.
    const path = resolve(search.cwd, pattern);
    if (isFile(path)) found.push(path);
    return;
  }
  // Candidates are spelled like the glob (`./a/x.json`, `/abs/x.json`) so minimatch compares like with like.
  const base = segments.slice(0, firstMagic).join('/');
  const root = firstMagic === 0 ? search.cwd : resolve(search.cwd, base === '' ? '/' : base);
  const matcher = new Minimatch(pattern);
  const visit = (folder: string, prefix: string | undefined): void => {
    let entries: Dirent[];
    try {
      entries = sortedEntries(folder);
    } catch {
      return; // an unreadable folder inside a glob's reach is skipped, as shells do
    }
    for (const entry of entries) {
      const candidate = prefix === undefined ? entry.name : `${prefix}/${entry.name}`;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (skippedFolders.has(entry.name) || !matcher.match(candidate, true)) continue;
        const config = ignoredBy(search, path);
        if (config) noteIgnored(stats, config);
        else visit(path, candidate);
      } else if (entry.isFile() && matcher.match(candidate)) {
        const config = ignoredBy(search, path);
        if (config) noteIgnored(stats, config);
        else found.push(path);
      }
    }
  };
  visit(root, firstMagic === 0 ? undefined : base);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function looksLikeGlob(arg: string): boolean {
  const alternatives = minimatch.braceExpand(arg);
  return alternatives.length > 1 || alternatives.some((alternative) => new Minimatch(alternative).hasMagic());
}

function ignoredMessage(stats: WalkStats, cwd: string): string {
  return stats.ignored > 0 && stats.ignoredBy ? `; ${stats.ignored} ignored by ${relative(cwd, stats.ignoredBy.path)}` : '';
}

/** Expands the arguments into files; throws UsageError naming the argument that fails. */
export function findFiles(args: readonly string[], search: FileSearch): FoundFiles {
  const files: string[] = [];
  const ignored: { path: string; config: ProjectConfigFile }[] = [];
  for (const arg of args) {
    const path = resolve(search.cwd, arg);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      if (looksLikeGlob(arg)) {
        const walk: WalkStats = { ignored: 0, ignoredBy: undefined };
        const before = files.length;
        // Globs use `/`; on Windows a typed `\` is a separator too.
        for (const alternative of minimatch.braceExpand(arg.split(sep).join('/'))) expandGlob(alternative, search, files, walk);
        if (files.length === before) throw new UsageError(`${arg}: no files match this glob${ignoredMessage(walk, search.cwd)}`);
        continue;
      }
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? `${arg}: no such file or folder` : `${arg}: cannot read (${code ?? String(error)})`);
    }
    if (stats.isDirectory()) {
      const walk: WalkStats = { ignored: 0, ignoredBy: undefined };
      const before = files.length;
      try {
        walkFolder(path, search, files, walk);
      } catch (error) {
        if (error instanceof UsageError) throw error;
        const failed = error as NodeJS.ErrnoException;
        throw new UsageError(`${failed.path ?? arg}: cannot read (${failed.code ?? String(error)})`);
      }
      if (files.length === before) {
        throw new UsageError(
          `${arg}: no policy files found (patterns: ${policyFilePatterns.join(', ')}; and by content: JSON that looks like a policy, and JSON, YAML, Terraform and CDK files that hold policies${ignoredMessage(walk, search.cwd)})`,
        );
      }
    } else {
      if (search.onlyPolicyFiles && !isSearchedFor(path, basename(path), search.configFor(path))) continue;
      const config = ignoredBy(search, path);
      if (config) ignored.push({ path, config });
      else files.push(path);
    }
  }
  return { files: [...new Set(files)], ignored };
}
