/** Helpers of the Terraform host tests: a host tree as JSON, nodes by path, edits applied, substrings located. */
import assert from 'node:assert/strict';
import type { Edit } from '../../server/src/rules/types';
import type { Span } from '../../server/src/policy/model';
import type { EmbeddedPolicy, HostDocument, HostValue, JsonValue } from '../../server/src/hosts/types';

/** The policy's JSON as the host gives it: holes written as they are, opaque values as `<opaque: text>`. */
export function toJson(value: HostValue | undefined): JsonValue {
  if (!value) return null;
  switch (value.kind) {
    case 'mapping':
      return Object.fromEntries(value.entries.map((e) => [e.key, toJson(e.value)]));
    case 'sequence':
      return value.items.map(toJson);
    case 'scalar':
      return value.value;
    case 'template':
      return value.parts.map((p) => ('hole' in p ? p.hole : p.text)).join('');
    case 'opaque':
      return `<opaque: ${value.text}>`;
  }
}

/** The node at a path of keys and indexes (`Statement.0.Action`). */
export function nodeAt(root: HostValue, path: string): HostValue {
  let node: HostValue | undefined = root;
  for (const step of path ? path.split('.') : []) {
    if (node?.kind === 'mapping') node = node.entries.find((e) => e.key === step)?.value;
    else if (node?.kind === 'sequence') node = node.items[Number(step)];
    else node = undefined;
    assert.ok(node, `no node at ${path} (step ${step})`);
  }
  return node!;
}

/** Applies edits that must not overlap. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  let limit = Infinity;
  for (const edit of sorted) {
    assert.ok(edit.offset + edit.length <= limit, `edits overlap: ${JSON.stringify(edits)}`);
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return out;
}

/** The span of the n-th occurrence of `substring` in `text` (fails when there is none). */
export function spanOfText(text: string, substring: string, occurrence = 0): Span {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(substring, offset + 1);
    assert.ok(offset >= 0, `${JSON.stringify(substring)} (occurrence ${occurrence}) is not in the text`);
  }
  return { offset, length: substring.length };
}

export function policyOf(document: HostDocument | undefined, label: string): EmbeddedPolicy {
  assert.ok(document, 'no document');
  const policy = document.policies.find((p) => p.label === label);
  assert.ok(policy, `no policy ${label}; found ${document.policies.map((p) => p.label).join(', ')}`);
  return policy;
}
