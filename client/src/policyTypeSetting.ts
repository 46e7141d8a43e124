/**
 * The `iamPolicy.policyTypes` entry the "Choose policy type" command writes: a glob for one file, put first so it
 * wins over broader globs (the server takes the first match), and nothing else changed. Pure, so it is tested
 * without VS Code.
 */
import { escapePathGlob } from '../../shared/pathGlob';
import type { PolicyType } from '../../shared/settings';

/**
 * A glob matching one file. The server matches globs against the document's absolute path, so a workspace-relative
 * path gets a leading `**` (portable in a committed settings file); a file outside any workspace folder gets its
 * absolute path. Every character with a meaning to the settings' matcher (shared/pathGlob.ts), braces included, is
 * escaped, so the glob names this file only.
 */
export function globForFile(relativePath: string | undefined, absolutePath: string): string {
  return relativePath === undefined ? escapePathGlob(absolutePath) : `**/${escapePathGlob(relativePath)}`;
}

/** The setting with `glob` set to `type` (first), or removed when `type` is undefined ("detect automatically"). */
export function withPolicyType(
  current: Readonly<Record<string, string>>,
  glob: string,
  type: PolicyType | undefined,
): Record<string, string> {
  const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== glob));
  return type === undefined ? rest : { [glob]: type, ...rest };
}

/**
 * The `.iampolicy.json` glob for one file, from the config file's folder: `./` anchors it there (a glob without `/`
 * would match the name at any depth), and every glob character is escaped as in `globForFile`.
 */
export function configGlobForFile(pathFromConfigFolder: string): string {
  return `./${escapePathGlob(pathFromConfigFolder)}`;
}

/** The JSON object a config file holds; anything else (an array, a syntax error) is the user's to fix first. */
function configObjectOf(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('the file does not hold a JSON object');
  return value as Record<string, unknown>;
}

function policyTypesOf(config: Readonly<Record<string, unknown>>): Record<string, string> {
  const types = config.policyTypes ?? {};
  if (typeof types !== 'object' || types === null || Array.isArray(types)) throw new SyntaxError('"policyTypes" is not an object');
  return types as Record<string, string>;
}

/** Whether a config file's text has an entry for exactly `glob`; false for text that is not a config object. */
export function configHasPolicyType(text: string, glob: string): boolean {
  try {
    return Object.hasOwn(policyTypesOf(configObjectOf(text)), glob);
  } catch {
    return false;
  }
}

/**
 * A config file's text (undefined: no file yet) with `glob` set to `type` (first, so it wins over broader globs), or
 * removed when `type` is undefined. Answers `text` itself when nothing changes, and undefined when the change leaves
 * the file holding nothing (`{}`), so the caller deletes it rather than leave an empty file behind. The config is
 * strict JSON (no comments), so it is rewritten with the indentation it had. Throws a SyntaxError for text that is
 * not a JSON object.
 */
export function configWithPolicyType(text: string | undefined, glob: string, type: PolicyType | undefined): string | undefined {
  const config = text === undefined ? {} : configObjectOf(text);
  const types = policyTypesOf(config);
  if (type === undefined ? !Object.hasOwn(types, glob) : types[glob] === type && Object.keys(types)[0] === glob) return text;
  const nextTypes = withPolicyType(types, glob, type);
  const next: Record<string, unknown> = { ...config, policyTypes: nextTypes }; // keeps the key's place when present
  if (Object.keys(nextTypes).length === 0) delete next.policyTypes;
  if (Object.keys(next).length === 0) return undefined;
  const indent = /^\{\r?\n([ \t]+)\S/.exec(text ?? '')?.[1] ?? '  ';
  const newline = text?.includes('\r\n') ? '\r\n' : '\n';
  return `${JSON.stringify(next, null, indent).replace(/\n/g, newline)}${newline}`;
}

/** Whether a settings file's text holds nothing but an empty object (no keys, no comments): safe to delete. */
export function isEmptyObjectText(text: string): boolean {
  return text.replace(/\s+/g, '') === '{}';
}
