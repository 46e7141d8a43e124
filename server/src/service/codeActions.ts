/**
 * Quick fixes are found again from the current document, never cached from validation: problems are re-computed
 * for this version and matched to the request's diagnostics by rule id and range.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode } from 'vscode-json-languageservice';
import { applyEdits } from '../rules/shared/edits';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Fix, Problem } from '../rules/types';
import { foldProblems } from './folding';
import { toRange } from './ranges';
import { placeholderMark } from './snippetEdits';
import { parseJsonDocument } from '../policy/strictJson';

export const fixAllKind = `${CodeActionKind.SourceFixAll}.iam-policy`;

/** A key equal for a problem and a diagnostic exactly when the rule and the whole range are the same. */
function matchKey(ruleId: string, range: Range): string {
  return `${ruleId}\n${range.start.line}:${range.start.character}\n${range.end.line}:${range.end.character}`;
}

/**
 * The problems of the requested diagnostics' rules, by rule and range; in their own order, so the actions keep it.
 * Built once per request: a client may send thousands of diagnostics at once, each found in one lookup (known
 * failure K15: every diagnostic against every problem was quadratic).
 */
function problemsByDiagnostic(document: TextDocument, problems: readonly Problem[], requested: readonly Diagnostic[]): Map<string, Problem[]> {
  const codes = new Set(requested.map((diagnostic) => diagnostic.code));
  const index = new Map<string, Problem[]>();
  // A diagnostic that others were folded into (folding.ts) offers their remedies too, after its own.
  for (const { problem, folded } of foldProblems(problems)) {
    if (!codes.has(problem.ruleId)) continue;
    const key = matchKey(problem.ruleId, toRange(document, problem));
    const same = index.get(key);
    if (same) same.push(problem, ...folded);
    else index.set(key, [problem, ...folded]);
  }
  return index;
}

function toTextEdits(document: TextDocument, fix: Fix): TextEdit[] {
  return fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.text }));
}

/** Whether a code action of `kind` is among the kinds the client asked for (prefix match, as LSP defines). */
export function wantedKind(only: readonly string[] | undefined, kind: string | undefined): boolean {
  if (kind === undefined) return !only;
  return wanted(only, kind);
}

function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/**
 * Non-overlapping safe fixes, first come first served, so fix-all never produces a corrupt document. With the
 * document's text, a fix is also skipped when, together with those already taken, it would give an object the same
 * key twice (two renames onto one element, or a rename plus an inserted element): each fix is right alone, not jointly.
 * `breakage` counts what must not grow: duplicate keys of a JSON policy; a host counts its own (hostBreakage).
 */
export function compatibleFixes(problems: readonly Problem[], text?: string, breakage: (text: string) => number = duplicateKeys): Fix[] {
  const taken: { start: number; end: number }[] = [];
  const fixes: Fix[] = [];
  const baseline = text === undefined ? 0 : breakage(text);
  for (const problem of problems) {
    // A fix that leaves placeholders to fill in is a suggestion by definition; never applied unseen.
    if (!problem.fix || problem.fix.placeholders) continue;
    const spans = problem.fix.edits.map((e) => ({ start: e.offset, end: e.offset + e.length }));
    const overlaps = spans.some((s) => taken.some((t) => s.start <= t.end && t.start <= s.end));
    if (overlaps) continue;
    if (text !== undefined && fixes.length > 0) {
      const combined = applyEdits(text, [...fixes, problem.fix].flatMap((f) => f.edits));
      if (breakage(combined) > baseline) continue;
    }
    taken.push(...spans);
    fixes.push(problem.fix);
  }
  return fixes;
}

/** How many keys repeat an earlier key of the same object, anywhere in the JSON text. */
export function duplicateKeys(text: string): number {
  const root = parseJsonDocument(TextDocument.create('untitled:fix-all', 'json', 0, text)).root;
  let count = 0;
  const visit = (node: ASTNode | undefined): void => {
    if (!node) return;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.properties) {
        if (seen.has(property.keyNode.value)) count++;
        seen.add(property.keyNode.value);
        visit(property.valueNode);
      }
    } else if (node.type === 'array') node.items.forEach(visit);
  };
  visit(root);
  return count;
}

export function codeActionsFor(
  document: TextDocument,
  problems: readonly Problem[],
  requested: readonly Diagnostic[],
  only: readonly string[] | undefined,
  breakage?: (text: string) => number,
): CodeAction[] {
  const uri = document.uri;
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    const index = problemsByDiagnostic(document, problems, requested);
    for (const diagnostic of requested) {
      if (typeof diagnostic.code !== 'string') continue; // rule ids are strings
      for (const problem of index.get(matchKey(diagnostic.code, diagnostic.range)) ?? []) {
        const remedies = [...(problem.fix ? [{ fix: problem.fix, preferred: true }] : []), ...problem.suggestions.map((fix) => ({ fix, preferred: false }))];
        for (const { fix, preferred } of remedies) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: preferred || undefined,
            edit: { changes: { [uri]: toTextEdits(document, fix) } },
            ...(fix.placeholders ? { data: placeholderMark } : {}),
          });
        }
      }
    }
  }
  if (wanted(only, fixAllKind) && only !== undefined) {
    const fixes = compatibleFixes(problems, document.getText(), breakage);
    if (fixes.length > 0) {
      actions.push({
        title: 'Fix all safe IAM policy problems',
        kind: fixAllKind,
        edit: { changes: { [uri]: fixes.flatMap((fix) => toTextEdits(document, fix)) } },
      });
    }
  }
  return actions;
}
