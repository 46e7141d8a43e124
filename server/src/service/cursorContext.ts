/**
 * What the cursor is on, in policy terms: which statement, which element, and for strings the exact slot being
 * typed. Completion and hover both start here. Works on half-typed documents: the JSON parser recovers unterminated
 * strings and missing braces, and a string cut off by the end of the line counts as open.
 */
import type { ASTNode, PropertyASTNode, StringASTNode } from 'vscode-json-languageservice';
import type {
  ConditionElement,
  ConditionKeyEntry,
  ConditionOperatorEntry,
  ListElement,
  PolicyModel,
  PrincipalElement,
  ScalarElement,
  Statement,
} from '../policy/model';

/** A string the cursor is in, with the offsets an edit needs. */
export interface StringSlot {
  readonly node: StringASTNode;
  /** Offset of the first character after the opening quote. */
  readonly contentStart: number;
  /** Offset of the closing quote, or the end of the node when the string is not closed. */
  readonly contentEnd: number;
  readonly closed: boolean;
  readonly cursor: number;
  /** The raw text between the opening quote and the cursor. */
  readonly typed: string;
  /** True when the string is a property key rather than a value. */
  readonly isKey: boolean;
  /** For keys: whether a colon already follows (so completion must not add a value). */
  readonly hasValue: boolean;
}

interface InStatement {
  readonly statement: Statement;
}

export type CursorContext =
  | (InStatement & { readonly kind: 'action'; readonly element: ListElement; readonly slot: StringSlot })
  | (InStatement & { readonly kind: 'resource'; readonly element: ListElement; readonly slot: StringSlot })
  | (InStatement & { readonly kind: 'principal-kind'; readonly element: PrincipalElement; readonly slot: StringSlot })
  /** `principalKind` is undefined for the plain-string form (`"Principal": "*"`). */
  | (InStatement & { readonly kind: 'principal-value'; readonly element: PrincipalElement; readonly principalKind: string | undefined; readonly slot: StringSlot })
  | (InStatement & { readonly kind: 'condition-operator'; readonly element: ConditionElement; readonly operator: ConditionOperatorEntry; readonly slot: StringSlot })
  | (InStatement & { readonly kind: 'condition-key'; readonly operator: ConditionOperatorEntry; readonly key: ConditionKeyEntry; readonly slot: StringSlot })
  | (InStatement & { readonly kind: 'condition-value'; readonly operator: ConditionOperatorEntry; readonly key: ConditionKeyEntry; readonly slot: StringSlot })
  /** Anywhere on the Effect property (key or value): hover summarises the statement. */
  | (InStatement & { readonly kind: 'effect'; readonly element: ScalarElement });

export function contextAt(model: PolicyModel, offset: number): CursorContext | undefined {
  if (model.statements.length === 0) return undefined;
  const node = model.json.getNodeFromOffset(offset, true);
  if (!node) return undefined;
  const chain = ancestors(node);
  // The statement object is the Statement value itself or an item of it: found by depth, then looked up once.
  const statementsNode = model.statementElement?.valueNode;
  const statementIndex = chain.findIndex((n) => (n === statementsNode || n.parent === statementsNode) && n.type === 'object');
  if (statementIndex < 1) return undefined;
  const statement = model.statements.find((s) => s.node === chain[statementIndex]);
  if (!statement) return undefined;
  // From the statement's property down to the node under the cursor.
  const path = chain.slice(0, statementIndex).reverse();
  const elementProperty = path[0];
  if (elementProperty?.type !== 'property') return undefined;
  const slot = node.type === 'string' ? slotAt(model.text, node, offset) : undefined;

  if (statement.effect?.property === elementProperty) return { kind: 'effect', statement, element: statement.effect };
  if (!slot) return undefined;

  for (const element of [statement.action, statement.notAction]) {
    if (element?.property === elementProperty && isListValue(elementProperty, node)) return { kind: 'action', statement, element, slot };
  }
  for (const element of [statement.resource, statement.notResource]) {
    if (element?.property === elementProperty && isListValue(elementProperty, node)) return { kind: 'resource', statement, element, slot };
  }
  for (const element of [statement.principal, statement.notPrincipal]) {
    if (element?.property !== elementProperty) continue;
    if (elementProperty.valueNode === node) return { kind: 'principal-value', statement, element, principalKind: undefined, slot };
    const entry = path[2];
    if (path[1]?.type !== 'object' || entry?.type !== 'property') return undefined;
    if (entry.keyNode === node) return { kind: 'principal-kind', statement, element, slot };
    if (isListValue(entry, node)) return { kind: 'principal-value', statement, element, principalKind: entry.keyNode.value, slot };
    return undefined;
  }
  const condition = statement.condition;
  if (condition?.property === elementProperty) {
    const operator = condition.operators.find((o) => o.property === path[2]);
    if (!operator) return undefined;
    if (operator.keyNode === node) return { kind: 'condition-operator', statement, element: condition, operator, slot };
    const key = operator.keys.find((k) => k.property === path[4]);
    if (!key) return undefined;
    if (key.keyNode === node) return { kind: 'condition-key', statement, operator, key, slot };
    if (isListValue(key.property, node)) return { kind: 'condition-value', statement, operator, key, slot };
  }
  return undefined;
}

function ancestors(node: ASTNode): ASTNode[] {
  const chain: ASTNode[] = [];
  for (let current: ASTNode | undefined = node; current; current = current.parent) chain.push(current);
  return chain;
}

/** The node is the property's value, or an item of the property's array value. */
function isListValue(property: PropertyASTNode, node: ASTNode): boolean {
  const value = property.valueNode;
  if (!value) return false;
  return value === node || (value.type === 'array' && node.parent === value);
}

/** The slot when the cursor is between the quotes (an unterminated string runs to the end of its node). */
function slotAt(text: string, node: StringASTNode, cursor: number): StringSlot | undefined {
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text.charCodeAt(end - 1) === QUOTE && !isEscaped(text, end - 1, node.offset + 1);
  const contentStart = node.offset + 1;
  const contentEnd = closed ? end - 1 : end;
  if (cursor < contentStart || cursor > contentEnd) return undefined;
  const parent = node.parent;
  const isKey = parent?.type === 'property' && parent.keyNode === node;
  const hasValue = isKey && ((parent.colonOffset ?? -1) >= 0 || parent.valueNode !== undefined);
  return { node, contentStart, contentEnd, closed, cursor, typed: text.slice(contentStart, cursor), isKey, hasValue };
}

/** An odd number of backslashes before the quote escapes it. */
function isEscaped(text: string, quote: number, start: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; i >= start && text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
