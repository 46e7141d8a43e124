/**
 * The policies a file gives the evaluator: a policy document (its type by the usual rules: explicit choice, settings
 * globs, file name, content), or every policy inside infrastructure code (each with the type its host says), with a
 * way back from the rendered policy's offsets to the file's. A value the host computes (`!GetAtt`, a Terraform
 * reference) is rendered as `*`, so it matches anything: the evaluator sees the widest reading of the template.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyType, Settings } from '../../../shared/settings';
import { readFileText } from '../hosts/fileText';
import { hostSyntax } from '../hosts/readHost';
import { toHostSpan } from '../hosts/virtualPolicy';
import type { Span } from '../policy/model';
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
  const document = TextDocument.create(file.uri, 'iam-policy', 1, file.text);
  const read = readFileText(document, hostSyntax({ path: file.path }), settings.maxFileSize);
  if (read.kind === 'policy') {
    const type = choosePolicyType(file.uri, read.model, settings, explicitType).type;
    return [{ model: read.model, type, name: file.name, toFileSpan: same }];
  }
  if (read.kind !== 'host') return [];
  return read.model.policies.map((embedded) => ({
    model: embedded.model,
    type: embedded.policy.policyType,
    name: `${file.name} ${embedded.policy.label}`,
    label: embedded.policy.label,
    toFileSpan: (span: Span) => toHostSpan(embedded.virtual, span),
  }));
}
