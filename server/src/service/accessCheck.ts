/**
 * The editor's "Check access": one request against a document's policies, answered with ranges (the deciding
 * statements, the others that applied, the conditions that failed), and what the command offers as input (actions,
 * the condition keys and resource formats of an action, from the catalogue).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AccessVocabularyResult, CheckAccessParams, CheckAccessResult, CheckAccessStatement } from '../../../shared/protocol';
import { evaluateAccess, type StatementRef } from '../access/evaluate';
import type { PolicySource } from '../access/policySources';
import { createRequest } from '../access/request';
import type { Catalog } from '../catalog/types';
import type { Span } from '../policy/model';
import { toRange } from './ranges';

const decisionWords = { allowed: 'Allowed', explicitDeny: 'Denied explicitly', implicitDeny: 'Denied (no statement allows it)' } as const;

export function checkAccess(document: TextDocument, sources: readonly PolicySource[], params: CheckAccessParams): CheckAccessResult {
  const request = createRequest({ action: params.action, resource: params.resource, principal: params.principal, context: params.context });
  const evaluation = evaluateAccess(sources, request);
  const rangeOf = (policy: number, span: Span) => toRange(document, sources[policy]!.toFileSpan(span));
  const label = (ref: StatementRef) => {
    const where = sources.length > 1 || sources[ref.policy]!.label ? ` of ${sources[ref.policy]!.label ?? ref.name}` : '';
    return `${ref.effect} statement ${ref.index}${ref.sid ? ` "${ref.sid}"` : ''}${where} (${ref.policyType})`;
  };
  const deciding = new Set(evaluation.statements);
  const statements: CheckAccessStatement[] = [
    ...evaluation.statements.map((ref) => ({ range: rangeOf(ref.policy, ref), label: label(ref), effect: ref.effect, deciding: true })),
    ...evaluation.matched.filter((ref) => !deciding.has(ref)).map((ref) => ({ range: rangeOf(ref.policy, ref), label: label(ref), effect: ref.effect, deciding: false })),
  ];
  const failedConditions = evaluation.failedConditions.map((failure) => ({
    range: rangeOf(failure.statement.policy, failure),
    statement: label(failure.statement),
    operator: failure.operator,
    key: failure.key,
    reason: failure.reason,
    detail: failure.detail,
  }));
  const failed = failedConditions.length > 0 && evaluation.decision !== 'allowed' ? ` ${failedConditions.length === 1 ? 'A condition' : `${failedConditions.length} conditions`} did not hold: ${failedConditions.map((f) => f.detail).join('; ')}.` : '';
  const summary = `${decisionWords[evaluation.decision]}: ${params.action} on ${params.resource}. ${evaluation.reasons.join(' ')}${failed}`;
  return { decision: evaluation.decision, summary, reasons: evaluation.reasons, notes: evaluation.notes, statements, failedConditions };
}

/** Where the command was started: a policy of the sources and an offset in its model's text. */
export interface AccessFocus {
  readonly policy: number;
  readonly offset: number;
}

/**
 * Actions the policies name literally (no wildcards), in their canonical spelling where the catalogue knows them; those
 * of the statement at the focus first.
 */
function namedActions(sources: readonly PolicySource[], catalog: Catalog, focus: AccessFocus | undefined): string[] {
  const names = new Set<string>();
  const focused = focus && sources[focus.policy]?.model.statements.find((s) => s.node.offset <= focus.offset && focus.offset <= s.node.offset + s.node.length);
  for (const statement of [...(focused ? [focused] : []), ...sources.flatMap((source) => source.model.statements)]) {
    for (const value of [...(statement.action?.values ?? []), ...(statement.notAction?.values ?? [])]) {
      if (value.value.includes('*') || value.value.includes('?')) continue;
      names.add(catalog.findAction(value.value)?.fullName ?? value.value);
    }
  }
  return [...names];
}

export function accessVocabulary(catalog: Catalog, sources: readonly PolicySource[], action: string | undefined, focus?: AccessFocus): AccessVocabularyResult {
  if (action === undefined) {
    const documentActions = namedActions(sources, catalog, focus);
    const first = new Set(documentActions);
    const all = catalog.expandAction('*').map((a) => a.fullName).filter((name) => !first.has(name)).sort();
    return { actions: [...documentActions, ...all], documentActions, conditionKeys: [], resourceFormats: [] };
  }
  const found = catalog.findAction(action);
  if (!found) return { actions: [], documentActions: [], conditionKeys: catalog.globalConditionKeys().map(keyEntry), resourceFormats: [] };
  const keys = catalog.conditionKeysFor(found);
  // The action's own and its resources' keys first: those are the ones its policies usually test.
  const ordered = [...keys.filter((k) => !k.global), ...keys.filter((k) => k.global)];
  const resourceFormats = [...new Set(catalog.resourceTypesOf(found).map((row) => row.resourceType.arn))];
  return { actions: [], documentActions: [], conditionKeys: ordered.map(keyEntry), resourceFormats };
}

function keyEntry(key: { key: string; type: string; description: string }) {
  return { key: key.key, type: key.type, description: key.description };
}
