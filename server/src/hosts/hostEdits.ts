/**
 * A fix's edits to the virtual JSON -> edits to the host file. The edits are applied to the virtual text, the result
 * is compared with the policy as the host has it, and each difference is written by the host's writer: a changed
 * string, an added or removed entry or item, a renamed key. Anything the writer cannot write makes the whole fix
 * unavailable (undefined): a fix is applied whole or not at all.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode } from 'vscode-json-languageservice';
import type { Edit } from '../rules/types';
import type { EmbeddedPolicy, HostEntry, HostMapping, HostSequence, HostTemplate, HostValue, JsonValue } from './types';
import { holeText, jsonOf, templateText } from './virtualPolicy';
import { parseJsonDocument } from '../policy/strictJson';


export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length);
  return result;
}

/** The JSON value of an AST node (the last of duplicate keys wins, as in jsonOf). */
function valueOf(node: ASTNode | undefined): JsonValue {
  if (!node) return null;
  switch (node.type) {
    case 'object': {
      const object: { [key: string]: JsonValue } = {};
      for (const property of node.properties) object[property.keyNode.value] = valueOf(property.valueNode);
      return object;
    }
    case 'array':
      return node.items.map(valueOf);
    case 'null':
      return null;
    default:
      return node.value ?? null;
  }
}

export function jsonEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]!));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && jsonEqual(a[key]!, b[key]!));
}

/** Host edits for the virtual edits of one fix, or undefined when they cannot be written in the host. */
export function toHostEdits(policy: EmbeddedPolicy, virtualText: string, edits: readonly Edit[]): Edit[] | undefined {
  const next = applyEdits(virtualText, edits);
  const parsed = parseJsonDocument(TextDocument.create('virtual://fix', 'json', 0, next));
  const errors = (parsed as unknown as { syntaxErrors?: unknown[] }).syntaxErrors ?? [];
  if (errors.length > 0 || !parsed.root) return undefined;
  const result = diff(policy, policy.root, parsed.root);
  return result && withoutOverlaps(result);
}

function withoutOverlaps(edits: readonly Edit[]): Edit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.length - b.length);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    if (sorted[i]!.offset < previous.offset + previous.length) return undefined;
  }
  return sorted;
}

type Result = Edit[] | undefined;

function concat(parts: readonly (readonly Edit[] | undefined)[]): Result {
  const edits: Edit[] = [];
  for (const part of parts) {
    if (!part) return undefined;
    edits.push(...part);
  }
  return edits;
}

function diff(policy: EmbeddedPolicy, host: HostValue, node: ASTNode): Result {
  const value = valueOf(node);
  if (jsonEqual(jsonOf(host), value)) return [];
  if (host.implied) return undefined;
  if (host.kind === 'mapping' && node.type === 'object') return diffMapping(policy, host, node);
  if (host.kind === 'sequence' && node.type === 'array') return diffSequence(policy, host, node.items);
  if (host.kind === 'template' && typeof value === 'string') return editTemplate(host, value);
  // A value the host computes is never rewritten (only removed with what holds it).
  if (host.kind === 'opaque' || host.kind === 'template') return undefined;
  return policy.writer.replaceValue(host, value)?.slice();
}

function diffMapping(policy: EmbeddedPolicy, host: HostMapping, node: ASTNode & { type: 'object' }): Result {
  const used = new Set<HostEntry>();
  const matches: { entry: HostEntry | undefined; key: string; value: ASTNode | undefined }[] = node.properties.map((property) => {
    const entry = host.entries.find((candidate) => !used.has(candidate) && candidate.key === property.keyNode.value);
    if (entry) used.add(entry);
    return { entry, key: property.keyNode.value, value: property.valueNode };
  });
  const removed = host.entries.filter((entry) => !used.has(entry));
  const parts: (readonly Edit[] | undefined)[] = [];
  // A key renamed with its value unchanged (`action` -> `Action`) is a rename, not a removal and an addition.
  for (const match of matches) {
    if (match.entry) continue;
    const renamed = removed.find((entry) => entry.key.toLowerCase() === match.key.toLowerCase() && jsonEqual(jsonOf(entry.value), valueOf(match.value)));
    if (!renamed) continue;
    removed.splice(removed.indexOf(renamed), 1);
    match.entry = renamed;
    parts.push(policy.writer.renameKey(host, renamed, match.key));
  }
  // One key replaced by another with the same value (a typo fixed: `Principl` -> `Principal`) is a rename too: as a
  // removal and an addition it would empty the mapping before adding to it, which no writer can do in one edit.
  const added = matches.filter((match) => !match.entry);
  if (added.length === 1 && removed.length === 1 && jsonEqual(jsonOf(removed[0]!.value), valueOf(added[0]!.value))) {
    added[0]!.entry = removed[0]!;
    parts.push(policy.writer.renameKey(host, removed[0]!, added[0]!.key));
    removed.length = 0;
  }
  if (removed.length > 0 && removed.length === host.entries.length && matches.some((match) => !match.entry)) return undefined;
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    if (match.entry) {
      if (match.entry.key !== match.key) continue; // renamed above, value equal
      if (!match.entry.value) {
        if (match.value && match.value.type !== 'null') return undefined;
        continue;
      }
      if (match.value) parts.push(diff(policy, match.entry.value, match.value));
      continue;
    }
    // Added: before the next property that the host has.
    const before = matches.slice(i + 1).find((later) => later.entry)?.entry;
    parts.push(policy.writer.insertEntry(host, before, match.key, valueOf(match.value)));
  }
  if (removed.length > 0) parts.push(policy.writer.removeEntries(host, removed));
  return concat(parts);
}

function diffSequence(policy: EmbeddedPolicy, host: HostSequence, items: readonly ASTNode[]): Result {
  const old = host.items;
  let start = 0;
  while (start < old.length && start < items.length && jsonEqual(jsonOf(old[start]), valueOf(items[start]))) start++;
  let oldEnd = old.length;
  let newEnd = items.length;
  while (oldEnd > start && newEnd > start && jsonEqual(jsonOf(old[oldEnd - 1]), valueOf(items[newEnd - 1]))) {
    oldEnd--;
    newEnd--;
  }
  const paired = Math.min(oldEnd - start, newEnd - start);
  const parts: (readonly Edit[] | undefined)[] = [];
  for (let i = 0; i < paired; i++) parts.push(diff(policy, old[start + i]!, items[start + i]!));
  if (oldEnd - start > paired) parts.push(policy.writer.removeItems(host, old.slice(start + paired, oldEnd)));
  if (newEnd - start > paired) parts.push(policy.writer.insertItems(host, start + paired, items.slice(start + paired, newEnd).map(valueOf)));
  return concat(parts);
}

/** Characters that read the same in every host's strings (no quoting, escaping or interpolation). */
const plainCharacters = /^[A-Za-z0-9:/_.*?@+=,-]*$/;

/**
 * A change inside the literal text of a template (`arn:aws:S3:::${B}` -> `arn:aws:s3:::${B}`): written in place when
 * it falls inside one literal part whose characters stand one for one and needs no quoting.
 */
function editTemplate(host: HostTemplate, value: string): Result {
  const old = templateText(host);
  let prefix = 0;
  while (prefix < old.length && prefix < value.length && old[prefix] === value[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < value.length - prefix && old[old.length - 1 - suffix] === value[value.length - 1 - suffix]) suffix++;
  const replacement = value.slice(prefix, value.length - suffix);
  if (!plainCharacters.test(replacement)) return undefined;
  let position = 0;
  for (const part of host.parts) {
    const length = 'hole' in part ? holeText.length : part.text.length;
    const end = position + length;
    if (prefix >= position && old.length - suffix <= end) {
      if ('hole' in part || part.contentOffset === undefined) return undefined;
      return [{ offset: part.contentOffset + prefix - position, length: old.length - suffix - prefix, text: replacement }];
    }
    position = end;
  }
  return undefined;
}
