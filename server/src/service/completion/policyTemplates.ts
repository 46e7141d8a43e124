/**
 * The whole-policy templates, offered by completion in an empty document (a blank file, or one holding only the
 * word being typed). They are the `isFileTemplate` snippets of snippets/iam-policy.code-snippets, bundled from that
 * file (esbuild.mjs loads it as JSON), so editors other than VS Code get the same templates from the server.
 * Bodies are VS Code/LSP snippet syntax: `${1:default}`, `${1|a,b|}` choices, `\$` for a literal dollar.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { PolicyType } from '../../../../shared/settings';
import snippets from '../../../../snippets/iam-policy.code-snippets';
import type { PolicyModel } from '../../policy/model';
import { toRange, toSpan } from '../ranges';

export interface PolicyTemplate {
  /** The snippet's name in the snippets file, shown as the completion label. */
  readonly name: string;
  /** What the user types to find it. */
  readonly prefix: string;
  readonly description: string;
  /** The policy type the template is written for (a trust policy, an SCP...). */
  readonly policyType: PolicyType;
  /** Lines of the snippet body, tab-indented. */
  readonly body: readonly string[];
}

/** The policy type each whole-policy snippet is written for, by prefix; identity when not listed. */
const templateTypes: Record<string, PolicyType> = {
  'iam-trust-service': 'trust',
  'iam-trust-account': 'trust',
  'iam-trust-github-oidc': 'trust',
  'iam-scp-deny-leave-organization': 'scp',
  'iam-scp-restrict-regions': 'scp',
  'iam-permissions-boundary': 'permissions-boundary',
};

export const policyTemplates: readonly PolicyTemplate[] = Object.entries(snippets)
  .filter(([, snippet]) => snippet.isFileTemplate)
  .map(([name, snippet]) => {
    const prefix = Array.isArray(snippet.prefix) ? snippet.prefix[0]! : snippet.prefix;
    return { name, prefix, description: snippet.description, policyType: templateTypes[prefix] ?? 'identity', body: snippet.body };
  });

/** What the user may have typed so far in an otherwise empty document: nothing, or the start of a prefix. */
const wordBeingTyped = /^[A-Za-z0-9_-]*$/;

/**
 * Completion items for the templates when the document is empty apart from the word at the cursor; otherwise none.
 * Each item replaces that word with the whole template (a snippet, so the client walks the tab stops). `data` marks
 * them, so a client that also has the snippet file (VS Code) can drop the duplicates.
 */
export function templateCompletions(model: PolicyModel, position: Position): CompletionItem[] {
  if (model.tooLarge) return [];
  const text = model.text;
  const { offset } = toSpan(model.document, { start: position, end: position });
  const before = text.slice(0, offset).trimStart();
  const after = text.slice(offset).trimEnd();
  if (!wordBeingTyped.test(before) || after !== '') return [];
  const range = toRange(model.document, { offset: offset - before.length, length: before.length });
  return policyTemplates.map((template, index) => ({
    label: template.name,
    kind: CompletionItemKind.Snippet,
    detail: template.description,
    filterText: template.prefix,
    sortText: String(index).padStart(3, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: template.body.join('\n') },
    data: { template: template.prefix },
  }));
}
