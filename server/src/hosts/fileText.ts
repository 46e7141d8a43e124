/**
 * A file's text read by its path: a policy document, or the policies of infrastructure code through its host reader.
 * A `.json` file is a policy unless it looks like none and a host (a CloudFormation template in JSON) reads it. The
 * CLI's lint, `simulate` and `diff` read files this way; the server keeps its own incremental reading of hosts.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HostSyntax } from '../../../shared/hostFiles';
import type { PolicyModel } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { hostModel, type HostModel } from './hostModel';
import { readHost } from './readHost';

export type FileText =
  | { readonly kind: 'policy'; readonly model: PolicyModel }
  | { readonly kind: 'host'; readonly model: HostModel }
  /** A file of a host's syntax that holds no infrastructure code the hosts read. */
  | { readonly kind: 'no host' }
  /** A file of a host's syntax over the size cap: not read. (A policy over it is a model with `tooLarge`.) */
  | { readonly kind: 'too large' };

/** A host file whose grammar needs loading (Terraform, CDK) must have been prepared (prepareHost) before this read. */
export function readFileText(document: TextDocument, syntax: HostSyntax | undefined, maxFileSize: number): FileText {
  const text = document.getText();
  if (syntax !== undefined && syntax !== 'json') {
    if (text.length > maxFileSize) return { kind: 'too large' };
    const host = readHost(syntax, text);
    return host ? { kind: 'host', model: hostModel(document, host) } : { kind: 'no host' };
  }
  const model = parsePolicy(document, { maxFileSize });
  if (syntax === 'json' && !model.looksLikePolicy && !model.tooLarge) {
    const host = readHost('json', text);
    if (host) return { kind: 'host', model: hostModel(document, host) };
  }
  return { kind: 'policy', model };
}
