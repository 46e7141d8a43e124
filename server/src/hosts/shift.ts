/**
 * Moving a host tree to another place in its text. A host read piece by piece (one resource of a template, one block
 * of a Terraform file) keeps each piece's reading while its text is unchanged; an edit before the piece moves it,
 * and its nodes are copied with every offset moved by the same amount. What the readers record about nodes on the
 * side (how YAML or HCL writes them) is keyed by node: they follow a copy to its origin (`throughOrigins`).
 */
import type { Span } from '../policy/model';
import type { EmbeddedPolicy, HostEntry, HostScalar, HostValue, TemplateHole, TemplateLiteral } from './types';
import { DocumentMemo } from '../policy/documentMemo';

/**
 * The node each copy was made from (its offsets were `copy.span.offset - origin.span.offset` before). What readers
 * record about nodes on the side (how YAML or HCL writes them) is looked up through this when asked for a copy
 * (`throughOrigins`): copying those records with every tree would cost more than the copy itself.
 */
const origins = new WeakMap<HostValue, HostValue>();

/** The first node of `node`'s copy chain (itself first) for which `find` answers. */
export function throughOrigins<T>(node: HostValue, find: (node: HostValue) => T | undefined): { readonly value: T; readonly delta: number } | undefined {
  let current: HostValue | undefined = node;
  for (let guard = 0; current && guard < 1000; guard++) {
    const value = find(current);
    if (value !== undefined) return { value, delta: node.span.offset - current.span.offset };
    current = origins.get(current);
  }
  return undefined;
}

export const shiftSpan = (span: Span, delta: number): Span => ({ offset: span.offset + delta, length: span.length });

const shiftOffset = (offset: number | undefined, delta: number) => (offset === undefined ? undefined : offset + delta);

/** A copy of the tree under `root`, moved by `delta`. */
export function shiftValue(root: HostValue, delta: number): HostValue {
  const copy = (value: HostValue): HostValue => {
    const moved = shiftNode(value, delta, copy);
    origins.set(moved, value);
    return moved;
  };
  return copy(root);
}

/**
 * The last copy of each policy's tree: a piece before the edit keeps its place from one version to the next, and its
 * copy serves again.
 */
const copied = new DocumentMemo<EmbeddedPolicy, { readonly delta: number; readonly root: HostValue }>('shifted copies');

/** A policy moved by `delta` from `source` (which a reader made where it was); its tree is copied on first read. */
class PlacedPolicy implements EmbeddedPolicy {
  readonly fragment?: boolean;
  readonly serviceRole?: boolean;

  constructor(
    readonly source: EmbeddedPolicy,
    readonly delta: number,
    readonly policyType: EmbeddedPolicy['policyType'],
    readonly writer: EmbeddedPolicy['writer'],
  ) {
    if (source.fragment !== undefined) this.fragment = source.fragment;
    if (source.serviceRole !== undefined) this.serviceRole = source.serviceRole;
  }

  get label(): string {
    return this.source.label;
  }

  get root(): HostValue {
    const last = copied.get(this.source);
    if (last?.delta === this.delta) return last.root;
    const root = shiftValue(this.source.root, this.delta);
    copied.set(this.source, { delta: this.delta, root });
    return root;
  }
}

/**
 * `policy` moved by `delta`, with its type and writer for the text it is now in. The tree is copied when someone
 * first reads `root` (after an edit, moved policies keep their renderings, see `placementOf`; completion or hover
 * reads one): `policySpan` says where it is without copying it.
 */
export function placedPolicy(policy: EmbeddedPolicy, delta: number, policyType: EmbeddedPolicy['policyType'], writer: EmbeddedPolicy['writer']): EmbeddedPolicy {
  const source = policy instanceof PlacedPolicy ? policy.source : policy;
  const total = delta + (policy instanceof PlacedPolicy ? policy.delta : 0);
  if (total !== 0) return new PlacedPolicy(source, total, policyType, writer);
  const { label, fragment, serviceRole } = source;
  return { root: source.root, policyType, label, writer, ...(fragment === undefined ? {} : { fragment }), ...(serviceRole === undefined ? {} : { serviceRole }) };
}

/** For a policy `placedPolicy` moved: the policy it moved and by how much (its renderings serve, moved). */
export function placementOf(policy: EmbeddedPolicy): { readonly source: EmbeddedPolicy; readonly delta: number } | undefined {
  return policy instanceof PlacedPolicy ? policy : undefined;
}

/** Where a policy's root is, without copying a moved tree. */
export function policySpan(policy: EmbeddedPolicy): Span {
  return policy instanceof PlacedPolicy ? shiftSpan(policy.source.root.span, policy.delta) : policy.root.span;
}

function shiftNode(value: HostValue, delta: number, copy: (value: HostValue) => HostValue): HostValue {
  const span = shiftSpan(value.span, delta);
  const implied = value.implied ? { implied: true } : {};
  switch (value.kind) {
    case 'scalar': {
      const scalar: HostScalar = { kind: 'scalar', value: value.value, span, ...implied };
      // Written as the reader wrote it (an explicit undefined stays), so a moved tree equals a tree read in place.
      return 'contentOffset' in value ? { ...scalar, contentOffset: shiftOffset(value.contentOffset, delta) } : scalar;
    }
    case 'opaque':
      return { kind: 'opaque', text: value.text, span, ...implied };
    case 'template':
      return {
        kind: 'template',
        span,
        parts: value.parts.map((part): TemplateLiteral | TemplateHole =>
          'hole' in part
            ? { hole: part.hole, span: shiftSpan(part.span, delta) }
            : 'contentOffset' in part
              ? { text: part.text, contentOffset: shiftOffset(part.contentOffset, delta) }
              : { text: part.text },
        ),
        ...implied,
      };
    case 'sequence':
      return { kind: 'sequence', span, items: value.items.map(copy), ...implied };
    case 'mapping':
      return {
        kind: 'mapping',
        span,
        entries: value.entries.map((entry): HostEntry => {
          const moved: HostEntry = { key: entry.key, keySpan: shiftSpan(entry.keySpan, delta), span: shiftSpan(entry.span, delta), value: entry.value && copy(entry.value) };
          return 'keyContentOffset' in entry ? { ...moved, keyContentOffset: shiftOffset(entry.keyContentOffset, delta) } : moved;
        }),
        ...implied,
      };
  }
}
