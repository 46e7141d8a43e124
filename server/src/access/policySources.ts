/**
 * The policies a file gives the evaluator: a policy document (its type by the usual rules: explicit choice, settings
 * globs, file name, content), or every policy inside infrastructure code (each with the type its host says), with a
 * way back from the rendered policy's offsets to the file's. A value the host computes (`!GetAtt`, a Terraform
 * reference) is rendered as `*`, so it matches anything: the evaluator sees the widest reading of the template.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyType, Settings } from '../../../shared/settings';
import { hostModel } from '../hosts/hostModel';
import { hostSyntax, mayBeHost, readHost } from '../hosts/readHost';
import { toHostSpan } from '../hosts/virtualPolicy';
import type { Span } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { choosePolicyType } from '../policy/policyType';
import type { PolicyInput } from './evaluate';

export interface PolicySource extends PolicyInput {
  /** For a policy inside infrastructure code: where it is (`Resources.Role.Properties.Policies[0]`). */
  readonly label?: string;
  /** A span of the rendered policy (`model.text`) as a span of the file's text. */
  readonly toFileSpan: (span: Span) => Span;
}

const same = (span: Span) => span;

/**
 * `name` is how the answer names the file. A host file whose grammar needs loading (Terraform, CDK) must have been
 * prepared (prepareFiles / prepareHost) before this synchronous read.
 */
export function policySources(
  file: { readonly uri: string; readonly path: string; readonly text: string; readonly name: string },
  settings: Settings,
  explicitType?: PolicyType,
): PolicySource[] {
  const syntax = hostSyntax({ path: file.path });
  const document = TextDocument.create(file.uri, 'iam-policy', 1, file.text);
  if (syntax !== undefined && syntax !== 'json') return hostSources(document, syntax, file.text, file.name);
  const model = parsePolicy(document, { maxFileSize: settings.maxFileSize });
  if (syntax === 'json' && !model.looksLikePolicy && !model.tooLarge && mayBeHost('json', file.text)) {
    const fromHost = hostSources(document, 'json', file.text, file.name);
    if (fromHost.length > 0) return fromHost;
  }
  const type = choosePolicyType(file.uri, model, settings, explicitType).type;
  return [{ model, type, name: file.name, toFileSpan: same }];
}

function hostSources(document: TextDocument, syntax: NonNullable<ReturnType<typeof hostSyntax>>, text: string, name: string): PolicySource[] {
  const host = mayBeHost(syntax, text) ? readHost(syntax, text) : undefined;
  if (!host) return [];
  return hostModel(document, host).policies.map((embedded) => ({
    model: embedded.model,
    type: embedded.policy.policyType,
    name: `${name} ${embedded.policy.label}`,
    label: embedded.policy.label,
    toFileSpan: (span: Span) => toHostSpan(embedded.virtual, span),
  }));
}
