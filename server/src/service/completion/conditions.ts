/**
 * Condition completion at its three levels: operators (with IfExists and the ForAllValues:/ForAnyValue: set
 * qualifiers), then the keys the statement's actions support (service keys first, by how many of the actions take
 * them, keys whose type fits the operator ahead of the rest), then values where the key or operator says what they
 * can be.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { Catalog, ConditionKey, ConditionKeyType } from '../../catalog/types';
import type { ConditionElement, ConditionKeyEntry, ConditionOperatorEntry, Statement } from '../../policy/model';
import { conditionOperators, parseOperator, type OperatorFamily, type OperatorInfo, type SetQualifier } from '../../policy/operators';
import type { StringSlot } from '../cursorContext';
import { operatorModifiers, valuesOfKey, valuesOfType, type ConditionValue } from '../referenceData';
import { statementKeys } from '../statementKeys';
import { CompletionItemKind, keyItem, list, suggestAgain, valueItem } from './items';
import { templateSnippet } from './templates';

const qualifiers: readonly SetQualifier[] = ['ForAllValues', 'ForAnyValue'];
const maxKeyItems = 150;

export function completeOperators(document: TextDocument, slot: StringSlot, element: ConditionElement, operator: ConditionOperatorEntry, catalog: Catalog): CompletionList {
  const typed = slot.typed;
  const qualifier = qualifiers.find((q) => typed.toLowerCase().startsWith(`${q.toLowerCase()}:`));
  const present = new Set(element.operators.filter((o) => o !== operator).map((o) => o.operator));
  // Key types already in the block rank the operators that can compare them first.
  const keyTypes = operator.keys.map((k) => catalog.findConditionKey(k.key)?.type).filter((t): t is ConditionKeyType => t !== undefined);
  const items: CompletionItem[] = [];
  const add = (name: string, info: OperatorInfo, ifExists: boolean, rank: number): void => {
    if (present.has(name)) return;
    const notes = [info.description];
    if (ifExists) notes.push(operatorModifiers.ifExists);
    if (qualifier) notes.push(operatorModifiers.qualifiers[qualifier]);
    const fits = keyTypes.length === 0 || keyTypes.every((t) => fitsOperator(info.family, t, qualifier));
    items.push(
      keyItem(document, slot, {
        label: name,
        kind: CompletionItemKind.Operator,
        detail: `${info.family} operator`,
        documentation: notes.join('\n\n'),
        rank: (fits ? 0 : 100) + rank,
        valueSkeleton: '{"$1"}',
        suggestValue: true,
      }),
    );
  };
  conditionOperators.forEach((info, index) => {
    if (qualifier && info.family === 'Null') return;
    const prefix = qualifier ? `${qualifier}:` : '';
    add(`${prefix}${info.name}`, info, false, index * 2);
    if (info.family !== 'Null') add(`${prefix}${info.name}IfExists`, info, true, index * 2 + 1);
  });
  if (!qualifier) {
    for (const q of qualifiers) {
      items.push(
        keyItem(document, slot, {
          label: `${q}:`,
          kind: CompletionItemKind.Keyword,
          detail: 'set qualifier for multivalued keys',
          documentation: operatorModifiers.qualifiers[q],
          text: `${q}:$1`,
          rank: 200,
          command: suggestAgain,
        }),
      );
    }
  }
  return list(items);
}

export function completeKeys(document: TextDocument, slot: StringSlot, statement: Statement, operator: ConditionOperatorEntry, key: ConditionKeyEntry, catalog: Catalog): CompletionList {
  const { counts, actionCount } = statementKeys(statement, catalog);
  const parsed = parseOperator(operator.operator);
  const family = parsed.operator?.family;
  const typed = slot.typed.toLowerCase();
  const present = new Set(operator.keys.filter((k) => k !== key).map((k) => k.key.toLowerCase()));
  const candidates: { key: ConditionKey; count: number; fits: boolean; typedField: string | undefined }[] = [];
  for (const [conditionKey, count] of counts) {
    const name = conditionKey.key;
    if (present.has(name.toLowerCase())) continue;
    const typedField = templatedRest(name, slot.typed);
    if (!name.toLowerCase().startsWith(typed) && typedField === undefined) continue;
    candidates.push({ key: conditionKey, count, fits: family === undefined || fitsOperator(family, conditionKey.type, parsed.qualifier), typedField });
  }
  candidates.sort(
    (a, b) =>
      Number(b.fits) - Number(a.fits) ||
      Number(a.key.global) - Number(b.key.global) ||
      b.count - a.count ||
      (a.key.key.toLowerCase() < b.key.key.toLowerCase() ? -1 : 1),
  );
  const kept = candidates.slice(0, maxKeyItems);
  const items = kept.map((c, index) => {
    const multivalued = c.key.type.startsWith('ArrayOf');
    const support = c.key.global ? 'global' : `${c.count} of ${actionCount} actions`;
    const valueKnown = valuesFor(c.key.key, c.key.type, family) !== undefined;
    return keyItem(document, slot, {
      label: c.key.key,
      kind: CompletionItemKind.Property,
      detail: `${c.key.type} · ${multivalued ? 'multivalued' : 'single-valued'} · ${support}`,
      documentation: c.key.description,
      text: templateSnippet(c.key.key, c.typedField === undefined ? {} : { [fieldName(c.key.key)]: c.typedField }),
      filterText: c.typedField === undefined ? c.key.key : slot.typed,
      position: index,
      valueSkeleton: multivalued || parsed.qualifier ? '["$1"]' : '"$1"',
      suggestValue: valueKnown,
    });
  });
  return list(items, candidates.length > kept.length);
}

export function completeValues(document: TextDocument, slot: StringSlot, operator: ConditionOperatorEntry, key: ConditionKeyEntry, catalog: Catalog): CompletionList {
  const family = parseOperator(operator.operator).operator?.family;
  const conditionKey = catalog.findConditionKey(key.key);
  const values = valuesFor(key.key, conditionKey?.type, family) ?? [];
  const present = new Set(key.values.filter((v) => v.node !== slot.node).map((v) => String(v.value)));
  const items = values
    .filter((v) => !present.has(v.value))
    .map((v, index) =>
      valueItem(document, slot, {
        label: v.value,
        kind: v.snippet ? CompletionItemKind.Snippet : CompletionItemKind.Value,
        detail: v.description,
        rank: index,
        ...(v.snippet ? { text: v.snippet, snippet: true } : {}),
      }),
    );
  return list(items);
}

/** Values the key takes: the operator Null first (true/false), then the key's own list, then its type's examples. */
function valuesFor(key: string, type: ConditionKeyType | undefined, family: OperatorFamily | undefined): readonly ConditionValue[] | undefined {
  if (family === 'Null') return valuesOfType('Null');
  const own = valuesOfKey(key);
  if (own) return own;
  const base = type?.replace(/^ArrayOf/, '');
  const byFamily = family === 'Bool' || family === 'Date' || family === 'IPAddress' ? family : undefined;
  return valuesOfType(byFamily ?? base ?? '');
}

/**
 * Whether an operator family can compare a key type: string operators also read ARNs (AWS recommends the ARN ones),
 * Null checks any key, and the set qualifiers are for multivalued keys.
 */
export function fitsOperator(family: OperatorFamily, type: ConditionKeyType, qualifier?: SetQualifier): boolean {
  if (family === 'Null') return true;
  const multivalued = type.startsWith('ArrayOf');
  if (multivalued !== (qualifier !== undefined)) return false;
  const base = type.replace(/^ArrayOf/, '');
  if (family === 'String') return base === 'String' || base === 'ARN';
  return family.toLowerCase() === base.toLowerCase();
}

/** For a templated key (`aws:ResourceTag/${TagKey}`) and typed text past its fixed part, the typed field value. */
function templatedRest(name: string, typed: string): string | undefined {
  const open = name.indexOf('${');
  if (open < 0) return undefined;
  const fixed = name.slice(0, open).toLowerCase();
  return typed.length > fixed.length && typed.toLowerCase().startsWith(fixed) ? typed.slice(fixed.length) : undefined;
}

function fieldName(template: string): string {
  const open = template.indexOf('${');
  return template.slice(open + 2, template.indexOf('}', open));
}
