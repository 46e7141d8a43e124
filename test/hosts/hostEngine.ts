/** The whole engine on a host text, for the host test tables and the host fuzzer: readHost -> hostModel. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HostSyntax } from '../../shared/hostFiles';
import { hostModel, type HostModel } from '../../server/src/hosts/hostModel';
import { prepareHost, readHost } from '../../server/src/hosts/readHost';
import type { HostDocument } from '../../server/src/hosts/types';

/** A file of each syntax, as the editor would open it. */
export const hostFiles: Readonly<Record<HostSyntax, { readonly uri: string; readonly languageId: string }>> = {
  yaml: { uri: 'file:///work/template.yaml', languageId: 'yaml' },
  json: { uri: 'file:///work/template.json', languageId: 'json' },
  terraform: { uri: 'file:///work/main.tf', languageId: 'terraform' },
  typescript: { uri: 'file:///work/stack.ts', languageId: 'typescript' },
  tsx: { uri: 'file:///work/stack.tsx', languageId: 'typescriptreact' },
  javascript: { uri: 'file:///work/stack.js', languageId: 'javascript' },
  python: { uri: 'file:///work/stack.py', languageId: 'python' },
};

/** The host a text is, with its grammar loaded first. */
export async function hostOf(syntax: HostSyntax, text: string): Promise<HostDocument | undefined> {
  await prepareHost(syntax);
  return readHost(syntax, text);
}

/** The host model of a text that must be a host. */
export async function hostModelOf(syntax: HostSyntax, text: string): Promise<HostModel> {
  const host = await hostOf(syntax, text);
  assert.ok(host, `not read as a host:\n${text}`);
  const { uri, languageId } = hostFiles[syntax];
  return hostModel(TextDocument.create(uri, languageId, 1, text), host);
}

/** Each non-empty line indented by `by` spaces: statements placed inside a host's wrapper. */
export const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(by) + line : line))
    .join('\n');
