/** Problems (offsets, rule ids) -> LSP diagnostics (ranges, codes, doc links). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { docsUrl, type Problem, type Severity } from '../rules/types';
import { toRange } from './ranges';
import { formatCount } from '../../../shared/formatCount';

export const diagnosticSource = 'iam-policy';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The diagnostic of a problem; problems folded into it (folding.ts) become its related information, each naming its
 * rule, at the same range.
 */
export function toDiagnostic(document: TextDocument, problem: Problem, folded: readonly Problem[] = []): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, problem),
    severity: severities[problem.severity],
    code: problem.ruleId,
    codeDescription: { href: docsUrl(problem.ruleId) },
    source: diagnosticSource,
    message: problem.message,
  };
  if (folded.length > 0) {
    diagnostic.relatedInformation = folded.map((other) => ({
      location: { uri: document.uri, range: diagnostic.range },
      message: `${other.ruleId}: ${other.message}`,
    }));
  }
  const tags = problem.tags.map((tag) => (tag === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (tags.length > 0) diagnostic.tags = tags;
  return diagnostic;
}

/** The one diagnostic a document over the size cap gets (it is not analysed at all). */
export function tooLargeDiagnostic(document: TextDocument, maxFileSize: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: diagnosticSource,
    message: `This file has ${formatCount(document.getText().length)} characters, more than iamPolicy.maxFileSize (${formatCount(maxFileSize)}); it is not analysed. AWS policies are at most a few thousand characters.`,
  };
}
