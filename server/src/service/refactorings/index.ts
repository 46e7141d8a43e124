/**
 * Refactorings: code actions of kind `refactor.rewrite.iam-policy.*` offered on the selected action or statement,
 * whatever the diagnostics say. Pure: (model, catalogue, range) in, CodeActions out. Every edit is minimal, keeps
 * the document's layout, and is checked to leave valid JSON; nothing is offered on a document with syntax errors,
 * where the parsed structure may not be what the user sees.
 */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/types';
import type { PolicyModel } from '../../policy/model';
import { applyEdits } from '../../rules/shared/edits';
import { toRange, toSpan } from '../ranges';
import { placeholderMark } from '../snippetEdits';
import { addSid } from './addSid';
import { collapseActions } from './collapseActions';
import { contextAt, type Refactoring, type RefactoringContext } from './context';
import { expandWildcard } from './expandWildcard';
import { scopeResource } from './scopeResource';
import { sortActions } from './sortActions';
import { splitStatement } from './splitStatement';
import { convertStringArray } from './stringArray';

export { kindPrefix as refactoringKindPrefix } from './context';

/** In the order they are listed: the ones about the selected action first, then the statement-wide ones. */
const providers: readonly ((context: RefactoringContext) => Refactoring[])[] = [
  expandWildcard,
  collapseActions,
  sortActions,
  convertStringArray,
  scopeResource,
  splitStatement,
  addSid,
];

export function refactorings(model: PolicyModel, catalog: Catalog, range: Range): CodeAction[] {
  if (model.tooLarge || model.syntaxErrors.length > 0 || !model.looksLikePolicy) return [];
  const span = toSpan(model.document, range);
  const context = contextAt(model, catalog, { offset: span.offset, end: span.offset + span.length });
  if (!context.statement) return [];
  const actions: CodeAction[] = [];
  for (const provide of providers) {
    for (const refactoring of provide(context)) {
      if (!leavesValidJson(model.text, refactoring)) continue;
      actions.push({
        title: refactoring.title,
        kind: refactoring.kind,
        edit: { changes: { [model.document.uri]: refactoring.edits.map((e) => ({ range: toRange(model.document, e), newText: e.text })) } },
        ...(refactoring.placeholders ? { data: placeholderMark } : {}),
      });
    }
  }
  return actions;
}

/** Defence in depth: a refactoring whose result does not parse is a bug, and is dropped rather than offered. */
function leavesValidJson(text: string, refactoring: Refactoring): boolean {
  const edits = [...refactoring.edits].sort((a, b) => a.offset - b.offset);
  if (edits.some((edit, i) => i > 0 && edit.offset < edits[i - 1]!.offset + edits[i - 1]!.length)) return false;
  try {
    JSON.parse(applyEdits(text, edits).replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

/** The LSP kind every refactoring here falls under, for `codeActionKinds` in the server capabilities. */
export const refactoringKind = CodeActionKind.RefactorRewrite;
