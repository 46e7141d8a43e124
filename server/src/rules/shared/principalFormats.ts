/**
 * What a Principal value looks like, key by key, from data/principal-value-formats.json: the forms IAM accepts for
 * AWS (account IDs and IAM/STS principal ARNs), Service (domain-style names), Federated (provider ARNs and domains)
 * and CanonicalUser. Each reader returns the first thing wrong with a value, or `ok`.
 */
import formatData from '../../../../data/principal-value-formats.json';
import { isAccountId, splitArn } from '../../policy/arnParts';
import { isPartition } from './principals';

export const principalKeys: readonly string[] = formatData.principalKeys.keys;

interface ArnForm {
  readonly service: string;
  readonly resource: string;
  readonly parts?: number;
  readonly label: string;
}

const arnForms = formatData.iamPrincipalArns as ArnForm[];
const specialAccounts = new Set(formatData.specialAccounts.map((a) => a.account));
const notPrincipals = formatData.notPrincipals.map((n) => n.resource);
const uniqueIdPrefixes = formatData.uniqueIdPrefixes as { prefix: string; entity: 'user' | 'role' }[];
/** Domains AWS service principals end in (`ec2.amazonaws.com`, `ec2.amazonaws.com.cn`, `alexa-appkit.amazon.com`). */
export const serviceSuffixes: readonly string[] = formatData.serviceDomains.map((d) => d.suffix);

export type AwsPrincipalReading =
  | { readonly kind: 'ok' }
  | { readonly kind: 'uniqueId'; readonly entity: 'user' | 'role' }
  | { readonly kind: 'hyphenatedAccount'; readonly account: string }
  | { readonly kind: 'notIamArn'; readonly service: string }
  | { readonly kind: 'partition' }
  | { readonly kind: 'region' }
  | { readonly kind: 'account'; readonly account: string }
  | { readonly kind: 'group' }
  | { readonly kind: 'resource'; readonly resource: string }
  | { readonly kind: 'notAccountOrArn' };

/** An IAM unique ID (AIDA… for users, AROA… for roles), as policies show principals whose user or role was deleted. */
export function uniqueIdEntity(value: string): 'user' | 'role' | undefined {
  if (!/^[A-Z0-9]{16,128}$/.test(value)) return undefined;
  return uniqueIdPrefixes.find((p) => value.startsWith(p.prefix))?.entity;
}

/** A value under `AWS`, other than `*`, wildcards and variables (other rules judge those). */
export function readAwsPrincipal(value: string): AwsPrincipalReading {
  if (isAccountId(value)) return { kind: 'ok' };
  const entity = uniqueIdEntity(value);
  if (entity) return { kind: 'uniqueId', entity };
  if (/^\d{4}-\d{4}-\d{4}$/.test(value)) return { kind: 'hyphenatedAccount', account: value.replace(/-/g, '') };
  const arn = splitArn(value);
  if (!arn) return { kind: 'notAccountOrArn' };
  if (arn.service !== 'iam' && arn.service !== 'sts') return { kind: 'notIamArn', service: arn.service };
  if (!isPartition(arn.partition)) return { kind: 'partition' };
  if (arn.region !== '') return { kind: 'region' };
  if (!isAccountId(arn.account) && !specialAccounts.has(arn.account)) return { kind: 'account', account: arn.account };
  if (notPrincipals.some((prefix) => arn.resource.startsWith(prefix))) return { kind: 'group' };
  const fits = arnForms.some((form) => {
    if (form.service !== arn.service) return false;
    if (!form.resource.endsWith('/')) return arn.resource === form.resource;
    if (!arn.resource.startsWith(form.resource)) return false;
    const rest = arn.resource.slice(form.resource.length).split('/');
    return rest.length >= (form.parts ?? 1) && rest.every((part) => part.length > 0);
  });
  return fits ? { kind: 'ok' } : { kind: 'resource', resource: arn.resource };
}

/** The principal kinds an IAM or STS ARN may name, for messages. */
export function principalArnForms(): string {
  return arnForms.map((f) => `${f.resource}${f.resource.endsWith('/') ? '…' : ''}`).join(', ');
}

export function isCanonicalUserId(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value);
}

export type ServicePrincipalReading =
  | { readonly kind: 'ok' }
  | { readonly kind: 'arn' }
  | { readonly kind: 'account' }
  | { readonly kind: 'url'; readonly fixed: string | undefined }
  | { readonly kind: 'case'; readonly fixed: string }
  | { readonly kind: 'characters' }
  | { readonly kind: 'noDomain'; readonly suggestion: string }
  | { readonly kind: 'unknownDomain' };

const domainName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

function serviceForm(value: string): 'ok' | 'characters' | 'noDomain' | 'unknownDomain' {
  if (!domainName.test(value)) return 'characters';
  if (!value.includes('.')) return 'noDomain';
  return serviceSuffixes.some((suffix) => value.endsWith(`.${suffix}`)) ? 'ok' : 'unknownDomain';
}

/** A value under `Service`, other than wildcards and variables. */
export function readServicePrincipal(value: string): ServicePrincipalReading {
  if (value.startsWith('arn:')) return { kind: 'arn' };
  if (isAccountId(value)) return { kind: 'account' };
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (scheme) {
    const host = value.slice(scheme[0].length).replace(/\/+$/, '');
    return { kind: 'url', fixed: serviceForm(host) === 'ok' ? host : undefined };
  }
  const form = serviceForm(value);
  if (form === 'ok') return { kind: 'ok' };
  const normalised = value.trim().toLowerCase();
  if (normalised !== value && serviceForm(normalised) === 'ok') return { kind: 'case', fixed: normalised };
  if (form === 'noDomain') return { kind: 'noDomain', suggestion: `${value}.${formatData.serviceDefaultDomain}` };
  return { kind: form };
}

export type FederatedReading =
  | { readonly kind: 'ok' }
  | { readonly kind: 'arnService'; readonly service: string }
  | { readonly kind: 'arnRegion' }
  | { readonly kind: 'arnAccount'; readonly account: string }
  | { readonly kind: 'arnResource'; readonly resource: string }
  | { readonly kind: 'notDomain' };

const providerResources = formatData.federatedProviderTypes.map((t) => t.resource);

/** A value under `Federated` in a role trust policy, other than wildcards and variables. */
export function readFederatedPrincipal(value: string): FederatedReading {
  const arn = splitArn(value);
  if (arn) {
    if (arn.service !== 'iam' || !isPartition(arn.partition)) return { kind: 'arnService', service: arn.service };
    if (arn.region !== '') return { kind: 'arnRegion' };
    if (!isAccountId(arn.account)) return { kind: 'arnAccount', account: arn.account };
    const fits = providerResources.some((r) => arn.resource.startsWith(r) && arn.resource.length > r.length);
    return fits ? { kind: 'ok' } : { kind: 'arnResource', resource: arn.resource };
  }
  return domainName.test(value.toLowerCase()) && value.includes('.') ? { kind: 'ok' } : { kind: 'notDomain' };
}

/**
 * A Service principal as invalid-service-principal-format's safe fix writes it (lower case, no surrounding spaces, a
 * URL's host). Rules that depend on which service is trusted read this, so they judge the policy the author meant and
 * applying that fix never uncovers a finding the broken spelling hid (as effectOf does for `allow`).
 */
export function servicePrincipalAsFixed(value: string): string {
  const reading = readServicePrincipal(value);
  return (reading.kind === 'case' || reading.kind === 'url') && reading.fixed ? reading.fixed : value;
}
