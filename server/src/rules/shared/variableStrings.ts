/**
 * The strings of a policy that can hold policy variables (Resource, NotResource and condition values) and those that
 * cannot (Action, NotAction, Principal, NotPrincipal), each with the variables found in it.
 */
import type { ASTNode, ListElement, PrincipalElement, Statement } from '../../policy/model';
import { findVariables, type VariableToken } from '../../policy/variables';
import { spanInString } from './stringOffsets';
import type { Span } from '../../policy/model';
import { DocumentMemo } from '../../policy/documentMemo';

export interface VariableOccurrence {
  readonly token: VariableToken;
  /** Where the token is in the document. */
  readonly span: Span;
  /** The element the string belongs to (`Resource`, `Condition`, `Action`...). */
  readonly element: string;
  readonly statement: Statement;
}

interface StringNode {
  readonly node: ASTNode;
  readonly value: string;
}

function listStrings(element: ListElement | undefined): StringNode[] {
  return element ? element.values.map((v) => ({ node: v.node, value: v.value })) : [];
}

function principalStrings(element: PrincipalElement | undefined): StringNode[] {
  if (!element) return [];
  const strings: StringNode[] = element.wildcard ? [element.wildcard] : [];
  for (const entry of element.entries) strings.push(...entry.values);
  return strings;
}

function occurrences(text: string, statement: Statement, element: string, strings: readonly StringNode[]): VariableOccurrence[] {
  const found: VariableOccurrence[] = [];
  for (const { node, value } of strings) {
    if (!value.includes('${')) continue;
    for (const token of findVariables(value)) {
      found.push({ token, span: spanInString(text, node, token.start, token.end), element, statement });
    }
  }
  return found;
}

// By list: the rules of a run are given the same list (a rule's `context.statements`).
const supportedMemo = new DocumentMemo<readonly Statement[], VariableOccurrence[]>('supported variables');

/**
 * Variables where IAM supports them: Resource, NotResource and the values of Condition (computed once per list).
 * `text` is the document's, where the statements are.
 */
export function supportedVariables(text: string, statements: readonly Statement[]): readonly VariableOccurrence[] {
  const cached = supportedMemo.get(statements);
  if (cached) return cached;
  const found: VariableOccurrence[] = [];
  for (const statement of statements) {
    found.push(...occurrences(text, statement, 'Resource', listStrings(statement.resource)));
    found.push(...occurrences(text, statement, 'NotResource', listStrings(statement.notResource)));
    const conditionStrings: StringNode[] = [];
    for (const operator of statement.condition?.operators ?? []) {
      for (const key of operator.keys) {
        for (const value of key.values) {
          if (value.node.type === 'string') conditionStrings.push({ node: value.node, value: value.node.value });
        }
      }
    }
    found.push(...occurrences(text, statement, 'Condition', conditionStrings));
  }
  found.sort((a, b) => a.span.offset - b.span.offset);
  supportedMemo.set(statements, found);
  return found;
}

/** Variables in elements where IAM does not substitute them; `text` as for supportedVariables. */
export function unsupportedVariables(text: string, statements: readonly Statement[]): VariableOccurrence[] {
  const found: VariableOccurrence[] = [];
  for (const statement of statements) {
    found.push(...occurrences(text, statement, 'Action', listStrings(statement.action)));
    found.push(...occurrences(text, statement, 'NotAction', listStrings(statement.notAction)));
    found.push(...occurrences(text, statement, 'Principal', principalStrings(statement.principal)));
    found.push(...occurrences(text, statement, 'NotPrincipal', principalStrings(statement.notPrincipal)));
  }
  return found.sort((a, b) => a.span.offset - b.span.offset);
}
