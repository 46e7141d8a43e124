/**
 * The project config file (`.iampolicy.json`), shared by the CLI and the language server so that the editor and CI
 * judge a folder the same way. Everything here is pure: text and paths in, values out. Reading files is the
 * caller's business (the lookup takes a `readText` function), so the server can cache and the tests need no disk.
 *
 * The nearest file wins: it is found by walking up from the policy's folder, and files further up are not merged
 * in. Globs in it are relative to its folder and use `/`; a glob without `/` matches a file or folder name at any
 * depth (like .gitignore), and a leading `./` anchors a glob at the config's folder. `\` escapes a glob character.
 */
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { ASTNode, PropertyASTNode } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compilePathGlob } from '../../../shared/pathGlob';
import { configFileName, policyTypes, type NeverAllow, type PolicyType, type RuleSetting, type Settings } from '../../../shared/settings';
import { parseJsonDocument } from '../policy/strictJson';

export { configFileName } from '../../../shared/settings';

export interface ProjectConfig {
  /** Rule id -> severity or off; applied under the command-line flags and the editor settings. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Glob -> policy type; the first matching glob wins. */
  readonly policyTypes: Readonly<Record<string, PolicyType>>;
  /** More file globs a folder search picks up, besides the built-in policy file patterns. */
  readonly filePatterns: readonly string[];
  /** Files and folders never linted. */
  readonly ignore: readonly string[];
  /** Access no policy may grant (the never-allowed-access rule). */
  readonly neverAllow?: NeverAllow;
}

/** A config file as found on disk: where it is, what it says, and what is wrong with it. */
export interface ProjectConfigFile {
  readonly path: string;
  readonly folder: string;
  readonly config: ProjectConfig;
  /** Empty when the file is valid. The config keeps every entry that is valid, so an editor can still use it. */
  readonly problems: readonly ConfigProblem[];
}

export interface ConfigProblem {
  /** Where in the file: `rules.some-rule`, `ignore[2]`, or `(syntax)` for malformed JSON. */
  readonly key: string;
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}

export const emptyProjectConfig: ProjectConfig = { rules: {}, policyTypes: {}, filePatterns: [], ignore: [] };

const ruleSettings: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];
const topLevelKeys = ['$schema', 'rules', 'policyTypes', 'filePatterns', 'ignore', 'neverAllow'];


/** Fields the parsed document carries at run time that the public type hides (as in policy/parse.ts). */
interface ParsedJsonInternals {
  syntaxErrors?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }[];
  comments?: { start: { line: number; character: number }; end: { line: number; character: number } }[];
}

function describe(node: ASTNode): string {
  return node.type === 'property' ? 'a property' : node.type === 'object' ? 'an object' : node.type === 'array' ? 'an array' : `a ${node.type}`;
}

/** `rules.x`, or `policyTypes["a/*.json"]` when the name is not a plain word. */
function keyPath(parent: string, name: string): string {
  return /^[A-Za-z0-9_$-]+$/.test(name) ? `${parent}.${name}` : `${parent}[${JSON.stringify(name)}]`;
}

/** Why a glob is not usable, or undefined when it is. */
function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'expected a non-empty glob';
  // `\` escapes a glob character (the "Choose policy type" command writes file names so); before anything else it is
  // most likely a Windows folder separator.
  for (let i = glob.indexOf('\\'); i >= 0; i = glob.indexOf('\\', i + 2)) {
    const next = glob[i + 1];
    if (next === undefined || !'\\*?[]{}'.includes(next)) return 'use "/" as the folder separator in globs ("\\" only escapes one of \\ * ? [ ] { })';
  }
  if (glob.startsWith('/') || isAbsolute(glob)) return "expected a glob relative to the config file's folder";
  if (glob.split('/').includes('..')) return "a glob cannot reach outside the config file's folder";
  return undefined;
}

/**
 * Reads and strictly validates a config file's text. Anything unknown or ill-typed is a problem (the CLI stops on
 * it); the returned config holds the entries that are valid.
 */
export function parseProjectConfig(text: string, knownRuleIds: ReadonlySet<string>): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const document = TextDocument.create('file:///.iampolicy.json', 'json', 1, text);
  const json = parseJsonDocument(document);
  const internals = json as unknown as ParsedJsonInternals;
  for (const error of internals.syntaxErrors ?? []) {
    const offset = document.offsetAt(error.range.start);
    problems.push({ key: '(syntax)', message: error.message, offset, length: document.offsetAt(error.range.end) - offset });
  }
  for (const comment of internals.comments ?? []) {
    const offset = document.offsetAt(comment.start);
    problems.push({ key: '(syntax)', message: 'comments are not allowed in JSON', offset, length: document.offsetAt(comment.end) - offset });
  }
  const rules: Record<string, RuleSetting> = {};
  const types: Record<string, PolicyType> = {};
  const filePatterns: string[] = [];
  const ignore: string[] = [];
  let neverAllow: NeverAllow | undefined;
  const root = json.root;
  if (root?.type !== 'object') {
    if (problems.length === 0) {
      problems.push({ key: '(root)', message: 'expected a JSON object', offset: root?.offset ?? 0, length: root?.length ?? 0 });
    }
    return { config: emptyProjectConfig, problems };
  }

  const report = (key: string, node: ASTNode, message: string) => problems.push({ key, message, offset: node.offset, length: node.length });

  function readObject(property: PropertyASTNode, each: (name: string, key: string, entry: PropertyASTNode) => void): void {
    const value = property.valueNode;
    if (value?.type !== 'object') {
      report(property.keyNode.value, value ?? property, `expected an object, found ${value ? describe(value) : 'nothing'}`);
      return;
    }
    for (const entry of value.properties) each(entry.keyNode.value, keyPath(property.keyNode.value, entry.keyNode.value), entry);
  }

  function readGlobList(property: PropertyASTNode, into: string[]): void {
    const name = property.keyNode.value;
    const value = property.valueNode;
    if (value?.type !== 'array') {
      report(name, value ?? property, `expected an array of globs, found ${value ? describe(value) : 'nothing'}`);
      return;
    }
    value.items.forEach((item, index) => {
      const key = `${name}[${index}]`;
      if (item.type !== 'string') return void report(key, item, `expected a glob string, found ${describe(item)}`);
      const problem = globProblem(item.value);
      if (problem) return void report(key, item, problem);
      into.push(item.value);
    });
  }

  for (const property of root.properties) {
    const name = property.keyNode.value;
    switch (name) {
      case '$schema':
        if (property.valueNode?.type !== 'string') report(name, property.valueNode ?? property, 'expected a string (the URL of a JSON schema)');
        break;
      case 'rules':
        readObject(property, (id, key, entry) => {
          const value = entry.valueNode;
          if (!knownRuleIds.has(id)) return void report(key, entry.keyNode, `unknown rule "${id}" (see iam-policy-lint --list-rules)`);
          if (value?.type !== 'string' || !ruleSettings.includes(value.value)) {
            return void report(key, value ?? entry, `expected one of ${ruleSettings.join(', ')}`);
          }
          rules[id] = value.value as RuleSetting;
        });
        break;
      case 'policyTypes':
        readObject(property, (glob, key, entry) => {
          const problem = globProblem(glob);
          if (problem) return void report(key, entry.keyNode, problem);
          const value = entry.valueNode;
          if (value?.type !== 'string' || !(policyTypes as readonly string[]).includes(value.value)) {
            return void report(key, value ?? entry, `expected one of ${policyTypes.join(', ')}`);
          }
          types[glob] = value.value as PolicyType;
        });
        break;
      case 'filePatterns':
        readGlobList(property, filePatterns);
        break;
      case 'ignore':
        readGlobList(property, ignore);
        break;
      case 'neverAllow':
        neverAllow = readNeverAllow(property, report);
        break;
      default:
        report(name, property.keyNode, `unknown key (expected ${topLevelKeys.join(', ')})`);
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { config: { rules, policyTypes: types, filePatterns, ignore, ...(neverAllow ? { neverAllow } : {}) }, problems };
}

/** An action pattern as IAM reads one: `*`, or `service:name` with `*` and `?` in the name. */
const actionPattern = /^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
/** A resource pattern: `*`, or an ARN (`arn:` and five more colon-separated fields, wildcards allowed). */
const resourcePattern = /^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:.+)$/;

/** `"neverAllow": {"actions": [...], "resources": [...]}`; undefined (with problems) when it is not usable. */
function readNeverAllow(property: PropertyASTNode, report: (key: string, node: ASTNode, message: string) => void): NeverAllow | undefined {
  const value = property.valueNode;
  if (value?.type !== 'object') {
    report('neverAllow', value ?? property, `expected an object with "actions" (and optionally "resources"), found ${value ? describe(value) : 'nothing'}`);
    return undefined;
  }
  const lists: { actions?: string[]; resources?: string[] } = {};
  for (const entry of value.properties) {
    const name = entry.keyNode.value;
    const key = keyPath('neverAllow', name);
    if (name !== 'actions' && name !== 'resources') {
      report(key, entry.keyNode, 'unknown key (expected actions, resources)');
      continue;
    }
    const list = entry.valueNode;
    const what = name === 'actions' ? 'action patterns (iam:PassRole, s3:Delete*)' : 'resource ARN patterns';
    if (list?.type !== 'array' || list.items.length === 0) {
      report(key, list ?? entry, `expected a non-empty array of ${what}`);
      continue;
    }
    const values: string[] = [];
    list.items.forEach((item, index) => {
      const itemKey = `${key}[${index}]`;
      if (item.type !== 'string') return void report(itemKey, item, `expected a string, found ${describe(item)}`);
      const pattern = name === 'actions' ? actionPattern : resourcePattern;
      if (!pattern.test(item.value)) return void report(itemKey, item, `expected ${name === 'actions' ? 'an action pattern such as iam:PassRole or s3:Delete*' : 'an ARN pattern such as arn:aws:s3:::backups/* (or *)'}`);
      values.push(item.value);
    });
    if (values.length === list.items.length) lists[name] = values;
  }
  if (!value.properties.some((entry) => entry.keyNode.value === 'actions')) {
    report('neverAllow', property.keyNode, 'expected "actions": the actions no policy may allow');
    return undefined;
  }
  // A half-valid entry is not used: without its resources it would forbid more than it says.
  if (!lists.actions || (value.properties.some((entry) => entry.keyNode.value === 'resources') && !lists.resources)) return undefined;
  return lists.resources ? { actions: lists.actions, resources: lists.resources } : { actions: lists.actions };
}

/** The path from the config file's folder to `path`, with `/`; undefined when `path` is not inside that folder. */
function relativeInside(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/**
 * Config globs read exactly like settings globs: the linear matcher of shared/pathGlob.ts (compiled once per glob, a
 * folder search asks about every file), dot files included, a glob without `/` against the name. The config is a
 * file of the workspace or the checked-out branch, so a glob must never take long (known failure K14: minimatch took
 * exponential time on extglobs). Case-sensitive, as the folder search is.
 */
function globMatches(rel: string, glob: string): boolean {
  const pattern = glob.endsWith('/') ? glob.slice(0, -1) : glob;
  // `./` anchors a glob at the config's folder: `./a.json` is that folder's a.json only, not every a.json below it.
  if (pattern.startsWith('./')) return compilePathGlob(pattern.slice(2))(rel);
  return compilePathGlob(pattern, { matchBase: true })(rel);
}

/** Whether the config ignores `path` (a file or folder): the path itself or one of its folders matches a glob. */
export function isIgnoredBy(file: ProjectConfigFile | undefined, path: string): boolean {
  if (!file || file.config.ignore.length === 0) return false;
  const rel = relativeInside(file.folder, path);
  if (rel === undefined) return false;
  const parts = rel.split('/');
  for (let end = 1; end <= parts.length; end++) {
    const prefix = parts.slice(0, end).join('/');
    if (file.config.ignore.some((glob) => globMatches(prefix, glob))) return true;
  }
  return false;
}

/** Whether one of the config's extra file patterns picks up `path` in a folder search. */
export function matchesExtraFilePattern(file: ProjectConfigFile | undefined, path: string): boolean {
  if (!file || file.config.filePatterns.length === 0) return false;
  const rel = relativeInside(file.folder, path);
  return rel !== undefined && file.config.filePatterns.some((glob) => globMatches(rel, glob));
}

/** The policy type the config assigns to `path`, if one of its globs matches. */
export function policyTypeFromConfig(file: ProjectConfigFile | undefined, path: string): PolicyType | undefined {
  if (!file) return undefined;
  const rel = relativeInside(file.folder, path);
  if (rel === undefined) return undefined;
  for (const [glob, type] of Object.entries(file.config.policyTypes)) {
    if (globMatches(rel, glob)) return type;
  }
  return undefined;
}

/**
 * The settings for one file: `base` (editor settings, or the CLI's defaults plus its --rule flags) over the project
 * config. Rule severities from `base` win; its policy-type globs are tried before the config's; a file the config
 * ignores gets no diagnostics. The result is specific to `path` (the config's glob for it is already resolved).
 */
export function settingsForFile(base: Settings, file: ProjectConfigFile | undefined, path: string): Settings {
  if (!file) return base;
  const rules = { ...file.config.rules, ...base.rules };
  let types = base.policyTypes;
  const fromConfig = policyTypeFromConfig(file, path);
  // `**` matches any path; the base's own globs come first in the record, so a matching one still wins.
  if (fromConfig && !('**' in types)) types = { ...types, '**': fromConfig };
  const enable = base.validate.enable && !isIgnoredBy(file, path);
  const neverAllow = base.neverAllow ?? file.config.neverAllow;
  return { ...base, validate: { enable }, rules, policyTypes: types, ...(neverAllow ? { neverAllow } : {}) };
}

/** The folders to look in for the config of `path`, nearest first (its own folder, then up to the root). */
export function configSearchFolders(path: string): string[] {
  const folders: string[] = [];
  let folder = dirname(path);
  for (;;) {
    folders.push(folder);
    const parent = dirname(folder);
    if (parent === folder) return folders;
    folder = parent;
  }
}

export interface ProjectConfigLookup {
  /** The nearest config file above `path` (a file or folder), or undefined when there is none. */
  forPath(path: string): ProjectConfigFile | undefined;
  /** Forget what was read (the server calls this when a config file changes). */
  clear(): void;
}

/**
 * Finds config files by walking up, reading each folder's candidate once. `readText` returns the file's text, or
 * undefined when there is no such file; it may throw for a file that exists but cannot be read.
 */
export function createProjectConfigLookup(readText: (path: string) => string | undefined, knownRuleIds: ReadonlySet<string>): ProjectConfigLookup {
  const byFolder = new Map<string, ProjectConfigFile | undefined>();

  function inFolder(folder: string): ProjectConfigFile | undefined {
    if (byFolder.has(folder)) return byFolder.get(folder);
    const path = join(folder, configFileName);
    const text = readText(path);
    const found = text === undefined ? undefined : { path, folder, ...parseProjectConfig(text, knownRuleIds) };
    byFolder.set(folder, found);
    return found;
  }

  return {
    forPath(path) {
      for (const folder of configSearchFolders(path)) {
        const found = inFolder(folder);
        if (found) return found;
      }
      return undefined;
    },
    clear: () => byFolder.clear(),
  };
}
