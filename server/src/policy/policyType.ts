/**
 * Which kind of policy a document is. Order (product.md): an explicit choice (setting glob, picker, CLI flag),
 * then the file name, then the content, else identity.
 */
import { matchPathGlob } from '../../../shared/pathGlob';
import type { PolicyType, Settings } from '../../../shared/settings';
import type { PolicyModel } from './model';

export type PolicyTypeSource = 'explicit' | 'setting' | 'file name' | 'content' | 'default' | 'host';

export interface PolicyTypeChoice {
  readonly type: PolicyType;
  readonly source: PolicyTypeSource;
}

const fileNameRules: readonly [RegExp, PolicyType][] = [
  [/\.trust\.json$/i, 'trust'],
  [/\.scp\.json$/i, 'scp'],
  [/\.rcp\.json$/i, 'rcp'],
  [/\.boundary\.json$/i, 'permissions-boundary'],
  [/bucket-policy[^/\\]*$/i, 'resource'],
  [/\.resource\.json$/i, 'resource'],
];

/** Actions a role trust policy allows; a Principal with only these is a trust policy. */
const trustActions = /^sts:(assumerole[a-z]*|tagsession|setsourceidentity|setcontext)$/i;

/** The path part of a document URI (file:///a/b.json -> /a/b.json); other strings are returned as they are. */
export function pathOf(uri: string): string {
  if (!uri.includes('://')) return uri;
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/**
 * Settings globs are matched against the whole path; a glob without a slash matches the base name. Linear matching
 * (shared/pathGlob.ts): a workspace can ship the settings and the file names, and this runs on every request.
 */
function matchesGlob(path: string, glob: string): boolean {
  return matchPathGlob(glob, path, { matchBase: true, ignoreCase: true });
}

export function typeFromContent(model: PolicyModel): PolicyType | undefined {
  const withPrincipal = model.statements.filter((s) => s.principal || s.notPrincipal);
  if (withPrincipal.length === 0) return undefined;
  const actions = model.statements.flatMap((s) => s.action?.values ?? []);
  const onlyTrust = actions.length > 0 && actions.every((a) => trustActions.test(a.value));
  return onlyTrust ? 'trust' : 'resource';
}

export function choosePolicyType(
  uri: string,
  model: PolicyModel,
  settings: Pick<Settings, 'policyTypes'>,
  explicit?: PolicyType,
): PolicyTypeChoice {
  if (explicit) return { type: explicit, source: 'explicit' };
  const path = pathOf(uri);
  for (const [glob, type] of Object.entries(settings.policyTypes)) {
    if (matchesGlob(path, glob)) return { type, source: 'setting' };
  }
  for (const [pattern, type] of fileNameRules) {
    if (pattern.test(path)) return { type, source: 'file name' };
  }
  const fromContent = typeFromContent(model);
  if (fromContent) return { type: fromContent, source: 'content' };
  return { type: 'identity', source: 'default' };
}
