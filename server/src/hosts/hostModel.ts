/**
 * A host document, parsed once per version: the host's policies, each rendered as a JSON policy and parsed into the
 * policy model the rules read.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyModel } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { placementOf, policySpan } from './shift';
import type { EmbeddedPolicy, HostDocument, HostValue } from './types';
import { holeText, movedRendering, narrowHoleText, renderPolicy, toVirtualOffset, type VirtualPolicy } from './virtualPolicy';
import { DocumentMemo } from '../policy/documentMemo';

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

/**
 * The parsed renderings of a host model's policies, by rendered text: the next version's model parses only the
 * policies whose rendering changed (an edit changes one policy), and the engine's analysis of an unchanged model is
 * remembered with it (PolicyService.analysisSteps), so it is not run again either.
 */
const parsedRenderings = new DocumentMemo<HostModel, Map<string, PolicyModel>>('parsed renderings');

/**
 * Renderings by host tree: a policy whose tree is the same object as in the version before (nothing in it or before
 * it changed) is not rendered again.
 */
const renderings = new DocumentMemo<HostValue, { wide?: VirtualPolicy; narrow?: VirtualPolicy; prefix?: VirtualPolicy }>('renderings');

function renderingOf(root: HostValue, hole: string, prefixOnly: boolean): VirtualPolicy {
  const which = prefixOnly ? 'prefix' : hole === holeText ? 'wide' : 'narrow';
  let known = renderings.get(root);
  if (!known) renderings.set(root, (known = {}));
  return (known[which] ??= renderPolicy(root, hole, prefixOnly));
}

type Rendering = { readonly virtual: VirtualPolicy; readonly model: PolicyModel };

/** One policy's model, its renderings made and parsed when first read (completion and hover read one policy). */
class LazyEmbeddedModel implements EmbeddedModel {
  private wide?: Rendering;
  private others?: { narrow?: Rendering; prefix?: Rendering };

  constructor(
    readonly policy: EmbeddedPolicy,
    private readonly parse: (virtual: VirtualPolicy) => PolicyModel,
  ) {}

  get virtual(): VirtualPolicy {
    return this.wideRendering().virtual;
  }

  get model(): PolicyModel {
    return this.wideRendering().model;
  }

  get narrow(): Rendering | undefined {
    return this.otherRenderings().narrow;
  }

  get prefix(): Rendering | undefined {
    return this.otherRenderings().prefix;
  }

  private rendered(hole: string, prefixOnly = false): Rendering {
    // A policy an edit only moved is rendered as where it was, moved: same text, so same parse and analysis.
    const placement = placementOf(this.policy);
    const virtual = placement
      ? movedRendering(renderingOf(placement.source.root, hole, prefixOnly), placement.delta)
      : renderingOf(this.policy.root, hole, prefixOnly);
    return { virtual, model: this.parse(virtual) };
  }

  private wideRendering(): Rendering {
    return (this.wide ??= this.rendered(holeText));
  }

  private otherRenderings(): { narrow?: Rendering; prefix?: Rendering } {
    if (!this.others) {
      const templated = this.wideRendering().virtual.regions.some((region) => region.kind === 'template');
      this.others = templated ? { narrow: this.rendered(narrowHoleText), prefix: this.rendered(holeText, true) } : {};
    }
    return this.others;
  }
}

function parseRendering(document: TextDocument, virtual: VirtualPolicy): PolicyModel {
  const virtualDocument = TextDocument.create(document.uri, 'json', document.version, virtual.text);
  return parsePolicy(virtualDocument, { opaqueValues: virtual.opaqueValues });
}

/**
 * The model of a host version. Given the model of the version before, renderings that come out the same text are not
 * parsed again: their PolicyModel (and the analysis remembered with it) carries over.
 */
export function hostModel(document: TextDocument, host: HostDocument, previous?: HostModel): HostModel {
  const before = previous && previous.document.uri === document.uri ? parsedRenderings.get(previous) : undefined;
  const parsed = new Map<string, PolicyModel>();
  const parse = (virtual: VirtualPolicy): PolicyModel => {
    const key = virtual.opaqueValues.size === 0 ? virtual.text : `${virtual.text}\0${[...virtual.opaqueValues].join(',')}`;
    const model = parsed.get(key) ?? before?.get(key) ?? parseRendering(document, virtual);
    parsed.set(key, model);
    return model;
  };
  const model: HostModel = { document, host, policies: host.policies.map((policy) => new LazyEmbeddedModel(policy, parse)), tooLarge: false };
  parsedRenderings.set(model, parsed);
  return model;
}

export function tooLargeHostModel(document: TextDocument, kind: HostDocument['kind']): HostModel {
  return { document, host: { kind, policies: [], syntaxErrors: [] }, policies: [], tooLarge: true };
}

/** The policy whose written text holds a host offset, with the virtual offset there; undefined elsewhere. */
export function policyAt(model: HostModel, offset: number): { readonly policy: EmbeddedModel; readonly virtualOffset: number } | undefined {
  for (const policy of model.policies) {
    const span = policySpan(policy.policy);
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
    const span = policySpan(policy.policy);
    if (offset < span.offset || offset > span.offset + span.length) continue;
    if (!best || span.length < policySpan(best.policy).length) best = policy;
  }
  return best;
}
