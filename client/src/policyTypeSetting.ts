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
