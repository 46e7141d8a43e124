/**
 * A file's text read as the policies a diff compares: a policy document, or every policy a file of infrastructure
 * code holds (through its host reader), with the way back from a policy's offsets to the file's. The CLI's `diff`
 * and the editor's "Compare with committed version" both read files so.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../../shared/settings';
import { readFileText } from '../hosts/fileText';
import { hostSyntax } from '../hosts/readHost';
import type { HostValue } from '../hosts/types';
import { toHostSpan, type VirtualNode, type VirtualPolicy } from '../hosts/virtualPolicy';
import type { ASTNode, PolicyModel, Span } from '../policy/model';
import type { HostComputed, NewAccess } from './diff';
import { formatCount } from '../../../shared/formatCount';

/** The input cannot be compared (syntax errors, too large): the message says why. */
export class DiffInputError extends Error {}

export interface PoliciesOfFile {
  readonly models: readonly PolicyModel[];
  /** Where a span of one of the models is in the file's text. */
  toFile(model: PolicyModel, span: Span): Span;
  /** The place of a policy in the file (`Resources.Role.Properties.Policies[0]...`), for infrastructure code. */
  labelOf(model: PolicyModel): string | undefined;
  /** What the host computes at a value of one of the models (templates, references), if anything. */
  hostValue(model: PolicyModel, node: ASTNode): HostComputed | undefined;
  /** For infrastructure code: the resource of a finding as the file writes it (`${Bucket}`, not its rendering). */
  readonly displayResource?: (access: NewAccess) => string;
}

const none = (model: PolicyModel[]): PoliciesOfFile => ({ models: model, toFile: (_, span) => span, labelOf: () => undefined, hostValue: () => undefined });

/** The rendered node at exactly this virtual span, or undefined. */
function virtualNodeAt(root: VirtualNode, span: Span): VirtualNode | undefined {
  let node: VirtualNode | undefined = root;
  while (node) {
    if (node.offset === span.offset && node.length === span.length) return node;
    const inside = (candidate: { offset: number; length: number }) => candidate.offset <= span.offset && span.offset + span.length <= candidate.offset + candidate.length;
    const entry: { value: VirtualNode | undefined } | undefined = node.entries?.find((e) => e.value !== undefined && inside(e.value));
    node = entry?.value ?? node.items?.find(inside);
  }
  return undefined;
}

function computed(value: HostValue | undefined): HostComputed | undefined {
  if (value?.kind === 'template') return { kind: 'template', parts: value.parts.map((part) => ('hole' in part ? { hole: part.hole } : { text: part.text })) };
  if (value?.kind === 'opaque') return { kind: 'opaque', text: value.text };
  return undefined;
}

/**
 * Reads `text` (named `name` in messages) as policies; `path` decides how, as for linting. Throws DiffInputError for
 * text that cannot be compared.
 */
export function policiesOfText(path: string, uri: string, text: string, name: string): PoliciesOfFile {
  const document = TextDocument.create(uri, 'iam-policy', 1, text);
  const read = readFileText(document, hostSyntax({ path }), defaultSettings.maxFileSize);
  const tooLarge = () => new DiffInputError(`${name}: larger than ${formatCount(defaultSettings.maxFileSize)} characters`);
  if (read.kind === 'too large') throw tooLarge();
  if (read.kind === 'no host') return none([]);
  if (read.kind === 'host') {
    const host = read.model.host;
    if (host.syntaxErrors.length > 0) throw new DiffInputError(`${name}: ${host.syntaxErrors.length === 1 ? 'a syntax error' : `${host.syntaxErrors.length} syntax errors`}; cannot compare it`);
    const embedded = read.model.policies.map((p) => ({ virtual: p.virtual as VirtualPolicy, model: p.model, label: p.policy.label }));
    const byModel = new Map(embedded.map((e) => [e.model, e]));
    const hostValue = (model: PolicyModel, node: ASTNode) => {
      const found = byModel.get(model);
      return found ? computed(virtualNodeAt(found.virtual.root, node)?.host) : undefined;
    };
    return {
      models: embedded.map((e) => e.model),
      toFile: (model, span) => {
        const found = byModel.get(model);
        return found ? toHostSpan(found.virtual, span) : span;
      },
      labelOf: (model) => byModel.get(model)?.label,
      hostValue,
      displayResource: (access) => {
        const value = access.resourceNode ? hostValue(access.statement.model, access.resourceNode) : undefined;
        if (value?.kind === 'template') return value.parts.map((part) => ('hole' in part ? part.hole : part.text)).join('');
        return value?.kind === 'opaque' ? value.text : access.resource;
      },
    };
  }
  const model = read.model;
  if (model.tooLarge) throw tooLarge();
  const error = model.syntaxErrors[0];
  if (error) {
    const { line, character } = document.positionAt(error.offset);
    throw new DiffInputError(`${name}:${line + 1}:${character + 1}: not a valid policy (${error.message}); cannot compare it`);
  }
  return none([model]);
}
