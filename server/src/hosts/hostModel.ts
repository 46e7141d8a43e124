/**
 * A host document, parsed once per version: the host's policies, each rendered as a JSON policy and parsed into the
 * policy model the rules read.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyModel } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import type { EmbeddedPolicy, HostDocument } from './types';
import { holeText, narrowHoleText, renderPolicy, toVirtualOffset, type VirtualPolicy } from './virtualPolicy';

export interface EmbeddedModel {
  readonly policy: EmbeddedPolicy;
  readonly virtual: VirtualPolicy;
  /** The model of the rendered policy; its document is the virtual one (same URI as the host). */
  readonly model: PolicyModel;
  /**
   * For policies with templates (`!Sub "arn:...:${Bucket}/*"`): the same policy with each hole a plain name instead
   * of `*`. Findings that differ between the two depend on the hole's value, which only the deployment knows.
   */
  readonly narrow?: { readonly virtual: VirtualPolicy; readonly model: PolicyModel };
  /**
   * The same policy with each template cut after its first hole (`"arm:*"` for `!Sub "arm:${AWS::Partition}:..."`):
   * a finding on a whole template string stands only if this rendering has it too, so the literal prefix decides it.
   */
  readonly prefix?: { readonly virtual: VirtualPolicy; readonly model: PolicyModel };
}

export interface HostModel {
  readonly document: TextDocument;
  readonly host: HostDocument;
  readonly policies: readonly EmbeddedModel[];
  /** Set when the text was over the size cap: no host was read. */
  readonly tooLarge: boolean;
}

export function embeddedModel(document: TextDocument, policy: EmbeddedPolicy): EmbeddedModel {
  const rendered = (hole: string, prefixOnly = false) => {
    const virtual = renderPolicy(policy.root, hole, prefixOnly);
    const virtualDocument = TextDocument.create(document.uri, 'json', document.version, virtual.text);
    return { virtual, model: parsePolicy(virtualDocument, { opaqueValues: virtual.opaqueValues }) };
  };
  const wide = rendered(holeText);
  if (!wide.virtual.regions.some((region) => region.kind === 'template')) return { policy, ...wide };
  return { policy, ...wide, narrow: rendered(narrowHoleText), prefix: rendered(holeText, true) };
}

export function hostModel(document: TextDocument, host: HostDocument): HostModel {
  return { document, host, policies: host.policies.map((policy) => embeddedModel(document, policy)), tooLarge: false };
}

export function tooLargeHostModel(document: TextDocument, kind: HostDocument['kind']): HostModel {
  return { document, host: { kind, policies: [], syntaxErrors: [] }, policies: [], tooLarge: true };
}

/** The policy whose written text holds a host offset, with the virtual offset there; undefined elsewhere. */
export function policyAt(model: HostModel, offset: number): { readonly policy: EmbeddedModel; readonly virtualOffset: number } | undefined {
  for (const policy of model.policies) {
    const span = policy.policy.root.span;
    if (offset < span.offset || offset > span.offset + span.length) continue;
    const virtualOffset = toVirtualOffset(policy.virtual, offset);
    if (virtualOffset !== undefined) return { policy, virtualOffset };
  }
  return undefined;
}

/** The policy whose written text holds a host offset (for the status bar), even between its values. */
export function policyAround(model: HostModel, offset: number): EmbeddedModel | undefined {
  let best: EmbeddedModel | undefined;
  for (const policy of model.policies) {
    const span = policy.policy.root.span;
    if (offset < span.offset || offset > span.offset + span.length) continue;
    if (!best || span.length < best.policy.root.span.length) best = policy;
  }
  return best;
}
