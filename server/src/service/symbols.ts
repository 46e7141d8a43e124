/** Outline: the top-level elements, and each statement named by its Sid (or its number) with Effect and Action. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PolicyModel, Statement } from '../policy/model';
import { toRange } from './ranges';

function statementDetail(statement: Statement): string {
  const actions = statement.action ?? statement.notAction;
  const effect = statement.effect?.value ?? '';
  const verb = statement.notAction ? 'NotAction ' : '';
  const first = actions?.values[0]?.value;
  const more = actions && actions.values.length > 1 ? ` +${actions.values.length - 1}` : '';
  return [effect, first ? `${verb}${first}${more}` : ''].filter(Boolean).join(' ');
}

export function documentSymbols(model: PolicyModel): DocumentSymbol[] {
  const { document } = model;
  const symbols: DocumentSymbol[] = [];
  for (const property of model.properties) {
    const key = property.keyNode.value;
    const symbol: DocumentSymbol = {
      // VS Code rejects a symbol with an empty name, and with it the whole outline.
      name: key === '' ? '""' : key,
      kind: key === 'Statement' ? SymbolKind.Array : SymbolKind.Property,
      range: toRange(document, property),
      selectionRange: toRange(document, property.keyNode),
    };
    if (key === 'Version' || key === 'Id') {
      const value = property.valueNode;
      if (value?.type === 'string') symbol.detail = value.value;
    }
    if (property === model.statementElement?.property) {
      symbol.children = model.statements.map((statement) => ({
        name: statement.sid?.value || `Statement ${statement.index + 1}`,
        detail: statementDetail(statement),
        kind: SymbolKind.Object,
        range: toRange(document, statement.node),
        selectionRange: toRange(document, statement.sid?.valueNode ?? { offset: statement.node.offset, length: 1 }),
      }));
    }
    symbols.push(symbol);
  }
  return symbols;
}
