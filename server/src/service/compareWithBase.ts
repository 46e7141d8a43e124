/**
 * "Compare with committed version": the document as it is in the editor against a base text (the client reads it
 * from git), as a Markdown report and the widening statements to highlight. The same analysis as the CLI's `diff`
 * (access/diff.ts), with policies inside infrastructure code read the same way (access/diffInput.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompareFinding, CompareWithBaseResult } from '../../../shared/protocol';
import { actionsPhrase, diffPolicies, resourcePhrase, statementLabel } from '../access/diff';
import { DiffInputError, policiesOfText } from '../access/diffInput';
import type { PolicyService } from '.';
import { code, plural } from './markdown';

/** Text shown as written in Markdown: `*` in actions and resources must not turn into emphasis. */
function markdownEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/**
 * Compares `document` (at `path`, which decides how it is read) with `baseText` (null: the base has no such file).
 * Hosts must be prepared (their grammars loaded) by the caller.
 */
export function compareWithBase(service: PolicyService, document: TextDocument, path: string, baseText: string | null, baseLabel: string): CompareWithBaseResult {
  const name = path.slice(path.replace(/\\/g, '/').lastIndexOf('/') + 1) || path;
  let next;
  let base;
  try {
    next = policiesOfText(path, document.uri, document.getText(), name);
    base = baseText === null ? undefined : policiesOfText(path, `${document.uri}#base`, baseText, `${name} at ${baseLabel}`);
  } catch (error) {
    if (!(error instanceof DiffInputError)) throw error;
    return { text: `# ${markdownEscape(name)} compared with ${markdownEscape(baseLabel)}\n\n${markdownEscape(error.message)}\n`, findings: [], error: error.message };
  }
  const diff = diffPolicies(base?.models ?? [], next.models, service.catalog, { hostValue: (model, node) => base?.hostValue(model, node) ?? next.hostValue(model, node) });
  const lines = [`# ${markdownEscape(name)} compared with ${markdownEscape(baseLabel)}`, ''];
  if (baseText === null) lines.push(`${markdownEscape(name)} is not in ${markdownEscape(baseLabel)}: everything it allows is new access.`, '');
  const findings: CompareFinding[] = [];
  if (diff.newAccess.length === 0) {
    lines.push(`No new access: everything ${markdownEscape(name)} allows, ${markdownEscape(baseLabel)} allowed too.`);
  } else {
    const actions = new Set(diff.newAccess.flatMap((a) => a.actions)).size;
    const mayWiden = diff.newAccess.filter((a) => a.kind === 'may widen').length;
    lines.push(`**New access**: ${plural(actions, 'action')} in ${plural(diff.newAccess.length, 'finding')}${mayWiden > 0 ? ` (${mayWiden} may widen: not proved either way, counted as new)` : ''}.`, '');
    for (const access of diff.newAccess) {
      const raw = access.resourceNode && next.displayResource ? { ...access, resource: next.displayResource(access) } : access;
      const span = next.toFile(access.statement.model, access.statement.statement.node);
      const range = { start: document.positionAt(span.offset), end: document.positionAt(span.offset + span.length) };
      const label = next.labelOf(access.statement.model);
      const where = `${label ? `${label}, ` : ''}${statementLabel(access)}`;
      const actionsText = actionsPhrase(access.actions, service.catalog);
      lines.push(
        `## Line ${range.start.line + 1}: ${markdownEscape(where)} (${access.kind})`,
        '',
        `- **Allows**: ${markdownEscape(actionsText)}`,
        `- **On**: ${raw.notResource ? markdownEscape(resourcePhrase(raw)) : code(raw.resource)}`,
        `- **Why**: ${markdownEscape(access.reason)}`,
        '',
      );
      findings.push({
        range,
        kind: access.kind,
        message: `${access.kind === 'new' ? 'New access' : 'May widen access'} compared with ${baseLabel}: allows ${actionsText} on ${resourcePhrase(raw)}. ${access.reason.charAt(0).toUpperCase()}${access.reason.slice(1)}.`,
      });
    }
  }
  return { text: `${lines.join('\n')}\n`, findings };
}
