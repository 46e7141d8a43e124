import type { ASTNode, ListElement, PrincipalElement, ScalarElement } from '../policy/model';
import { describeJsonType } from './shared/jsonType';
import { defineRule, type Report } from './types';

type MessageId =
  | 'rootType'
  | 'notString'
  | 'statementType'
  | 'statementItem'
  | 'listType'
  | 'listItem'
  | 'principalType'
  | 'principalString'
  | 'principalValue'
  | 'principalItem'
  | 'conditionType'
  | 'operatorType'
  | 'conditionValue';

type Reporter = (report: Report<MessageId>) => void;

function checkScalar(element: ScalarElement | undefined, report: Reporter): void {
  if (!element?.valueNode || element.value !== undefined) return;
  report({
    node: element.valueNode,
    messageId: 'notString',
    data: { element: element.key, actual: describeJsonType(element.valueNode) },
  });
}

function checkList(element: ListElement | undefined, report: Reporter): void {
  if (!element) return;
  for (const node of element.invalid) {
    report({
      node,
      messageId: element.isArray ? 'listItem' : 'listType',
      data: { element: element.key, actual: describeJsonType(node) },
    });
  }
}

function checkPrincipal(element: PrincipalElement | undefined, report: Reporter): void {
  const value = element?.valueNode;
  if (!element || !value) return;
  if (value.type === 'string') {
    if (value.value !== '*') report({ node: value, messageId: 'principalString', data: { element: element.key } });
    return;
  }
  if (value.type !== 'object') {
    report({ node: value, messageId: 'principalType', data: { element: element.key, actual: describeJsonType(value) } });
    return;
  }
  for (const entry of element.entries) {
    const isArray = entry.property.valueNode?.type === 'array';
    for (const node of entry.invalid) {
      report({
        node,
        messageId: isArray ? 'principalItem' : 'principalValue',
        data: { element: element.key, kind: entry.kind, actual: describeJsonType(node) },
      });
    }
  }
}

/** The root's opening bracket for containers (a squiggle over the whole document helps nobody), else the value. */
function rootSpan(root: ASTNode) {
  return root.type === 'array' ? { offset: root.offset, length: 1 } : { offset: root.offset, length: root.length };
}

export default defineRule<MessageId>({
  id: 'data-type-mismatch',
  severity: 'error',
  summary: 'An element has the wrong JSON type (a number Action, an object Resource, a string Condition, ...).',
  messages: {
    rootType: 'A policy must be a JSON object with "Version" and "Statement", not {actual}.',
    notString: '"{element}" must be a string, not {actual}.',
    statementType: '"Statement" must be a statement object or an array of statement objects, not {actual}.',
    statementItem: 'Each item of "Statement" must be a statement object, not {actual}.',
    listType: '"{element}" must be a string or an array of strings, not {actual}.',
    listItem: 'Each entry of "{element}" must be a string, not {actual}.',
    principalType: '"{element}" must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not {actual}.',
    principalString:
      'As a string, "{element}" can only be "*"; name principals in an object such as {"AWS": [...]} or {"Service": [...]}.',
    principalValue: 'The "{kind}" entry of "{element}" must be a string or an array of strings, not {actual}.',
    principalItem: 'Each "{kind}" entry of "{element}" must be a string, not {actual}.',
    conditionType: '"Condition" must be an object of condition operators such as {"StringEquals": {...}}, not {actual}.',
    operatorType: 'The "{operator}" block must be an object of condition keys and their values, not {actual}.',
    conditionValue: 'Values of the condition key "{key}" must be strings, numbers or booleans, not {actual}.',
  },
  // Whole policy (no scope): the types of Version, Id and Statement themselves are checked too, outside every
  // statement.
  check({ policy, report }) {
    const root = policy.root;
    if (!root) return;
    if (root.type !== 'object') {
      report({ span: rootSpan(root), messageId: 'rootType', data: { actual: describeJsonType(root) } });
      return;
    }
    checkScalar(policy.version, report);
    checkScalar(policy.id, report);
    const statementValue = policy.statementElement?.valueNode;
    if (statementValue && statementValue.type !== 'object' && statementValue.type !== 'array') {
      report({ node: statementValue, messageId: 'statementType', data: { actual: describeJsonType(statementValue) } });
    }
    for (const item of policy.invalidStatements) {
      report({ node: item, messageId: 'statementItem', data: { actual: describeJsonType(item) } });
    }
    for (const statement of policy.statements) {
      checkScalar(statement.sid, report);
      // A non-string Effect is invalid-effect's (messageId notString): one problem, one rule.
      checkPrincipal(statement.principal, report);
      checkPrincipal(statement.notPrincipal, report);
      checkList(statement.action, report);
      checkList(statement.notAction, report);
      checkList(statement.resource, report);
      checkList(statement.notResource, report);
      const condition = statement.condition;
      const conditionValue = condition?.valueNode;
      if (!condition || !conditionValue) continue;
      if (conditionValue.type !== 'object') {
        report({ node: conditionValue, messageId: 'conditionType', data: { actual: describeJsonType(conditionValue) } });
        continue;
      }
      for (const operator of condition.operators) {
        const block = operator.valueNode;
        if (block && block.type !== 'object') {
          report({
            node: block,
            messageId: 'operatorType',
            data: { operator: operator.operator, actual: describeJsonType(block) },
          });
          continue;
        }
        for (const key of operator.keys) {
          for (const node of key.invalid) {
            report({ node, messageId: 'conditionValue', data: { key: key.key, actual: describeJsonType(node) } });
          }
        }
      }
    }
  },
});
