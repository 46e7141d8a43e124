/**
 * How a list value (`"Action": [...]`) is laid out in the user's text, and how to write a new list the same way:
 * one item per line at the items' indentation, or one line with the same separator and padding. Refactorings that
 * rewrite a list go through here so the result looks as if the user had typed it.
 */
import type { ASTNode, PropertyASTNode } from '../../policy/model';
import { indentUnit, indentationAt, lineBreak } from '../../rules/shared/edits';
import type { Edit } from '../../rules/types';

/** A one-line list longer than this (from the start of its line) is written one item per line instead. */
export const maxLineLength = 120;

export interface ListLayout {
  /** The value was written as an array (as opposed to a single string). */
  readonly wasArray: boolean;
  /** Items go on their own lines: as written, or, for a single string, because the object around it is multi-line. */
  readonly multiLine: boolean;
  /** Indentation of an item line (when multi-line, or when a long one-line list has to break). */
  readonly itemIndent: string;
  /** Indentation of the line with the closing bracket. */
  readonly closeIndent: string;
  /** Between items on one line, as the user wrote it (`, ` or `,`). */
  readonly separator: string;
  /** Inside the brackets of a one-line array (`[ "a" ]` has one space). */
  readonly padding: string;
  readonly eol: string;
  /** Column at which the value starts, to decide whether a one-line list still fits. */
  readonly column: number;
  /** The document has line breaks at all (a minified policy stays on one line whatever its length). */
  readonly pretty: boolean;
}

export function listLayout(text: string, property: PropertyASTNode): ListLayout {
  const value = property.valueNode;
  const eol = lineBreak(text);
  const propertyIndent = indentationAt(text, property.offset);
  const valueOffset = value?.offset ?? property.offset + property.length;
  const column = valueOffset - (text.lastIndexOf('\n', valueOffset - 1) + 1);
  // A string that becomes a list follows the object around it: one item per line in a multi-line statement.
  const parent = property.parent;
  const parentMultiLine = parent?.type === 'object' && text.slice(parent.offset, property.offset).includes('\n');
  const base = {
    wasArray: value?.type === 'array',
    multiLine: value?.type !== 'array' && parentMultiLine,
    itemIndent: propertyIndent + indentUnit(text),
    closeIndent: propertyIndent,
    separator: ', ',
    padding: '',
    eol,
    column,
    pretty: text.includes('\n'),
  };
  if (value?.type !== 'array' || value.items.length === 0) return base;
  const items = value.items;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const opening = text.slice(value.offset + 1, first.offset);
  if (opening.includes('\n')) {
    return { ...base, multiLine: true, itemIndent: indentationAt(text, first.offset), closeIndent: indentationAt(text, value.offset + value.length - 1) };
  }
  const second = items[1];
  const between = second ? text.slice(first.offset + first.length, second.offset) : ', ';
  const closing = text.slice(last.offset + last.length, value.offset + value.length - 1);
  return {
    ...base,
    separator: between.includes('\n') ? ', ' : between,
    // Symmetric padding only: `[ "a"]` is unusual enough not to copy.
    padding: /^[ \t]*$/.test(opening) && opening === closing ? opening : '',
  };
}

/** JSON texts of the items joined as the layout says, for the space between the brackets of a multi-line array. */
function joinLines(layout: ListLayout, items: readonly string[]): string {
  return items.join(`,${layout.eol}${layout.itemIndent}`);
}

/**
 * A whole list value as JSON text. `items` are JSON texts (already quoted). A single item stays a plain string
 * when the user wrote a plain string and `keepString` allows it.
 */
export function renderList(layout: ListLayout, items: readonly string[], keepString = true): string {
  if (items.length === 1 && !layout.wasArray && keepString) return items[0]!;
  if (items.length === 0) return '[]';
  const oneLine = `[${layout.padding}${items.join(layout.separator)}${layout.padding}]`;
  if (!layout.multiLine && (!layout.pretty || layout.column + oneLine.length + 1 <= maxLineLength)) return oneLine;
  return `[${layout.eol}${layout.itemIndent}${joinLines(layout, items)}${layout.eol}${layout.closeIndent}]`;
}

/**
 * Replace one item of a multi-line array by one or more items, leaving the other lines alone: the smallest edit for
 * an expansion. Only for multi-line layouts and a non-empty replacement; the caller renders the whole list otherwise.
 */
export function replaceItem(layout: ListLayout, item: ASTNode, replacement: readonly string[]): Edit {
  return { offset: item.offset, length: item.length, text: joinLines(layout, replacement) };
}

/** Replace everything from the first item to the last with `items`, keeping the brackets and their whitespace. */
export function replaceAllItems(layout: ListLayout, array: ASTNode & { type: 'array' }, items: readonly string[]): Edit {
  const first = array.items[0]!;
  const last = array.items[array.items.length - 1]!;
  const text = layout.multiLine ? joinLines(layout, items) : items.join(layout.separator);
  return { offset: first.offset, length: last.offset + last.length - first.offset, text };
}
