/**
 * Whether one statement's Principal is within another's, for resource-based policies and trust policies: every
 * principal the first names must be named (or covered by `*`) by the second. Identity policies have no Principal on
 * either side. NotPrincipal is compared only against NotPrincipal (the second must exclude no more than the first).
 */
import { isAccountId } from '../policy/arnParts';
import type { ASTNode, PolicyModel, PrincipalElement, Statement } from '../policy/model';
import type { Implication } from './conditionImplication';

interface Principals {
  readonly everyone: boolean;
  /** `kind\u0000value`, kinds lower-cased, account ids as root ARNs. */
  readonly entries: ReadonlySet<string>;
  /** Kinds given as `"*"` (`{"AWS": "*"}` is everyone, too). */
  readonly wildcardKinds: ReadonlySet<string>;
}

/** The text a host writes for a value it computes (infrastructure code), if the value is one. */
export type HostText = (model: PolicyModel, node: ASTNode) => string | undefined;

function principalsOf(element: PrincipalElement, model: PolicyModel, hostText?: HostText): Principals {
  const entries = new Set<string>();
  const wildcardKinds = new Set<string>();
  let everyone = element.wildcard?.value === '*';
  for (const entry of element.entries) {
    const kind = entry.kind.toLowerCase();
    for (const { value: rendered, node } of entry.values) {
      const value = hostText?.(model, node) ?? rendered;
      if (value === '*') {
        wildcardKinds.add(kind);
        if (kind === 'aws') everyone = true;
        continue;
      }
      // A bare account id names the account, as its root ARN does.
      const normalised = kind === 'aws' && isAccountId(value) ? `arn:aws:iam::${value}:root` : value;
      entries.add(`${kind}\u0000${normalised}`);
    }
    for (const node of entry.opaque ?? []) entries.add(`${kind}\u0000\u0000${model.text.slice(node.offset, node.offset + node.length)}`);
  }
  return { everyone, entries, wildcardKinds };
}

function readable(entry: string): string {
  const [kind, value] = entry.split('\u0000');
  return `${kind === 'aws' ? 'AWS' : kind} ${value}`;
}

/** Does `covering`'s principal take in every principal `target`'s does? */
export function principalsContained(target: Statement, targetModel: PolicyModel, covering: Statement, coveringModel: PolicyModel, hostText?: HostText): Implication {
  const t = target.principal;
  const c = covering.principal;
  if (target.notPrincipal || covering.notPrincipal) {
    if (target.notPrincipal && covering.notPrincipal && !t && !c) {
      const excludedByTarget = principalsOf(target.notPrincipal, targetModel, hostText).entries;
      const excludedByCover = principalsOf(covering.notPrincipal, coveringModel, hostText).entries;
      if ([...excludedByCover].every((e) => excludedByTarget.has(e))) return { holds: true };
    }
    return { holds: false, proven: false, reason: 'NotPrincipal is compared only with a NotPrincipal that excludes no more' };
  }
  if (!t && !c) return { holds: true };
  if (!c) return { holds: false, proven: false, reason: 'it has no Principal while the new statement names one' };
  const cover = principalsOf(c, coveringModel, hostText);
  if (cover.everyone) return { holds: true };
  if (!t) return { holds: false, proven: false, reason: 'it names a Principal while the new statement has none' };
  const wanted = principalsOf(t, targetModel, hostText);
  if (wanted.everyone) return { holds: false, proven: true, reason: 'the new statement allows every principal ("*"); it does not' };
  const missing = [...wanted.entries].filter((e) => !cover.entries.has(e) && !cover.wildcardKinds.has(e.split('\u0000')[0]!));
  const missingKinds = [...wanted.wildcardKinds].filter((k) => !cover.wildcardKinds.has(k));
  if (missing.length === 0 && missingKinds.length === 0) return { holds: true };
  const names = [...missing.map(readable), ...missingKinds.map((k) => `${k === 'aws' ? 'AWS' : k} *`)];
  return { holds: false, proven: true, reason: `it does not name ${names.join(', ')}` };
}
