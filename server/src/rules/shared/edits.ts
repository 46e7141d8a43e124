/**
 * Minimal, JSON-preserving edits built from AST nodes. Each helper touches only what it changes and keeps the
 * document's own indentation, so a fix never reformats the user's policy.
 */
import type { ASTNode, PropertyASTNode, StringASTNode } from '../../policy/model';
import { respellsOnly } from './closest';
import { findPlaceholders } from '../../policy/placeholders';
import type { Edit, Fix } from '../types';

export function replaceNode(node: ASTNode, text: string): Edit {
  return { offset: node.offset, length: node.length, text };
}

/** Replace a value with a JSON string (escaped as JSON requires). */
export function replaceWithString(node: ASTNode, value: string): Edit {
  return replaceNode(node, JSON.stringify(value));
}

/**
 * Remove a property or an array item with its separating comma. With a following sibling, the removal runs up to
 * that sibling (so the whole line goes and the next line keeps its indentation); for the last one, it starts at the
 * end of the previous sibling; the only one empties its object or array.
 */
export function removeNode(node: ASTNode): Edit {
  return removeNodes([node])[0]!;
}

/**
 * Remove some properties of one object (or items of one array) together, each as removeNode does: each run of
 * neighbours goes as one edit, so no two edits overlap and the commas come out right. When every one goes, the
 * object or array is emptied.
 */
export function removeNodes(nodes: readonly ASTNode[]): Edit[] {
  const first = nodes[0];
  if (!first) return [];
  const parent = first.parent;
  if (parent?.type !== 'object' && parent?.type !== 'array') return [{ offset: first.offset, length: first.length, text: '' }];
  const siblings: readonly ASTNode[] = parent.type === 'object' ? parent.properties : parent.items;
  const removed = new Set(nodes);
  if (siblings.every((sibling) => removed.has(sibling))) return [{ offset: parent.offset + 1, length: parent.length - 2, text: '' }];
  const edits: Edit[] = [];
  for (let i = 0; i < siblings.length; i++) {
    if (!removed.has(siblings[i]!)) continue;
    let j = i;
    while (j + 1 < siblings.length && removed.has(siblings[j + 1]!)) j++;
    // Up to the next kept sibling, or (for a run at the end) from the end of the kept one before it.
    const start = siblings[j + 1] ? siblings[i]!.offset : siblings[i - 1]!.offset + siblings[i - 1]!.length;
    const end = siblings[j + 1] ? siblings[j + 1]!.offset : siblings[j]!.offset + siblings[j]!.length;
    edits.push({ offset: start, length: end - start, text: '' });
    i = j;
  }
  return edits;
}

/**
 * Remove a property and every other property with its key in the same object. The model reads the first of
 * duplicate keys, so removing only that one would let the next one count in its place (K13).
 */
export function removeProperty(property: PropertyASTNode): Edit[] {
  return removeNodes(sameKeyProperties(property));
}

/** The properties of the property's object that have its key (itself included), in document order. */
export function sameKeyProperties(property: PropertyASTNode): PropertyASTNode[] {
  const parent = property.parent;
  if (parent?.type !== 'object') return [property];
  return parent.properties.filter((other) => other.keyNode.value === property.keyNode.value);
}

/** The whitespace that starts the line containing `offset`. */
export function indentationAt(text: string, offset: number): string {
  // Back to the previous line break only: searching for `\r` and `\n` separately scanned to the start of the file
  // for the one the document does not use, once per edit built (quadratic in a large policy's suggestions).
  let lineStart = Math.min(offset, text.length);
  while (lineStart > 0) {
    const c = text.charCodeAt(lineStart - 1);
    if (c === 0x0a || c === 0x0d) break;
    lineStart--;
  }
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** One level of indentation as the document uses it (tab, or the smallest step of leading spaces seen). */
export function indentUnit(text: string): string {
  // Fixes ask for this once per edit they build; scanning a large document each time made analysis quadratic.
  if (text === lastIndentText) return lastIndentUnit;
  let unit = '  ';
  // One pass over the line starts: a line that starts with a tab makes it a tab; otherwise the smallest run of spaces
  // that starts a line and is followed by text, read in place (no match per line).
  let smallest = Infinity;
  let tab = false;
  for (let start = 0; start < text.length; start = nextLine(text, start)) {
    if (text.charCodeAt(start) === 0x09) {
      tab = true;
      break;
    }
    let end = start;
    while (text.charCodeAt(end) === 0x20) end++;
    if (end > start && end < text.length && !/\s/.test(text[end]!)) smallest = Math.min(smallest, end - start);
  }
  if (tab) unit = '\t';
  else if (Number.isFinite(smallest)) unit = ' '.repeat(smallest);
  lastIndentText = text;
  lastIndentUnit = unit;
  return unit;
}

/** The offset after the next line break (`\n`, `\r\n` or `\r`, as `^` in a multiline regex counts them), or the end. */
function nextLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x2028 || c === 0x2029) return i + 1;
    if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
  }
  return text.length;
}

let lastIndentText: string | undefined;
let lastIndentUnit = '  ';

/** The line break the document uses (old Mac files end lines with a lone CR). */
export function lineBreak(text: string): string {
  // Asked once per edit built, as indentUnit: remembered for the last text rather than rescanned each time.
  if (text === lastLineBreakText) return lastLineBreak;
  const found = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : text.includes('\r') ? '\r' : '\n';
  lastLineBreakText = text;
  lastLineBreak = found;
  return found;
}

let lastLineBreakText: string | undefined;
let lastLineBreak = '\n';

/**
 * Insert `"key": value` into an object, first or last, matching the object's layout: one line stays one line,
 * a multi-line object gets a new line at its properties' indentation. `valueText` is JSON text.
 */
export function insertProperty(
  text: string,
  object: ASTNode & { type: 'object' },
  key: string,
  valueText: string,
  where: 'first' | 'last' = 'last',
): Edit {
  const entry = `${JSON.stringify(key)}: ${valueText}`;
  const properties = object.properties;
  const eol = lineBreak(text);
  if (properties.length === 0) {
    const inner = text.slice(object.offset + 1, object.offset + object.length - 1);
    if (!/[\r\n]/.test(inner)) return { offset: object.offset + 1, length: inner.length, text: ` ${entry} ` };
    const outer = indentationAt(text, object.offset);
    return { offset: object.offset + 1, length: inner.length, text: `${eol}${outer}${indentUnit(text)}${entry}${eol}${outer}` };
  }
  const first = properties[0]!;
  const multiLine = /[\r\n]/.test(text.slice(object.offset, first.offset));
  if (where === 'first') {
    const separator = multiLine ? `,${eol}${indentationAt(text, first.offset)}` : ', ';
    return { offset: first.offset, length: 0, text: `${entry}${separator}` };
  }
  const last = properties[properties.length - 1]!;
  const separator = multiLine ? `,${eol}${indentationAt(text, last.offset)}` : ', ';
  return { offset: last.offset + last.length, length: 0, text: `${separator}${entry}` };
}

/** Apply non-overlapping edits to a text (used by fix-all, the CLI's --fix and the tests). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) continue; // overlaps an edit already applied: skip rather than corrupt
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return result;
}

/**
 * The safe fix that renames an object key to `name`, or undefined when a sibling already has that key (the rename
 * would give the object the same key twice).
 */
export function renameKeyFix(keyNode: StringASTNode, name: string | undefined, siblingKeys: ReadonlySet<string>): Fix | undefined {
  if (name === undefined || siblingKeys.has(name)) return undefined;
  return { title: `Rename to "${name}"`, edits: [replaceWithString(keyNode, name)] };
}

/**
 * A "did you mean" rename of a key, as a report's fix when it only respells the key (`stringequals`), else as a
 * suggestion: a closer name is a guess among readings (`StringLikeIfExist` could mean with or without IfExists).
 */
export function renameKeyOffer(
  keyNode: StringASTNode,
  name: string | undefined,
  siblingKeys: ReadonlySet<string>,
): { fix?: Fix; suggestions?: Fix[] } {
  const rename = renameKeyFix(keyNode, name, siblingKeys);
  if (!rename || name === undefined) return {};
  return respellsOnly(keyNode.value, name) ? { fix: rename } : { suggestions: [rename] };
}

/** Whether applying the edits leaves more placeholders in the text than it had (policy/placeholders.ts). */
export function introducesPlaceholders(text: string, edits: readonly Edit[]): boolean {
  if (!edits.some((edit) => findPlaceholders(edit.text, 'source').length > 0)) return false;
  return findPlaceholders(applyEdits(text, edits), 'source').length > findPlaceholders(text, 'source').length;
}
