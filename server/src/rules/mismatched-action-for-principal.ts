import trustData from '../../../data/trust-principals.json';
import { replaceWithString } from './shared/edits';
import { hasWildcardCharacter, isAllow, principalKind, principalValues } from './shared/principals';
import { defineRule, type Fix } from './types';

interface AssumeAction {
  readonly action: string;
  readonly principalKinds: readonly string[];
}

const assumeActions: readonly AssumeAction[] = trustData.assumeActions;
const byName = new Map(assumeActions.map((a) => [a.action.toLowerCase(), a]));

function messageFor(action: AssumeAction): 'needsSaml' | 'needsOidc' | 'needsAwsOrService' {
  if (action.principalKinds.includes('saml')) return 'needsSaml';
  if (action.principalKinds.includes('oidc')) return 'needsOidc';
  return 'needsAwsOrService';
}

export default defineRule({
  id: 'mismatched-action-for-principal',
  severity: 'error',
  scope: 'statement',
  summary:
    'A role trust statement allows an sts:AssumeRole* action that none of its principals can call (AssumeRoleWithSAML needs a SAML provider, AssumeRoleWithWebIdentity an OIDC provider).',
  policyTypes: ['trust'],
  fixable: 'suggestion',
  messages: {
    needsSaml: '"{action}" can only be called with a SAML provider principal, and this statement names {principals}. Use the action that fits the principal, or a Federated saml-provider ARN.',
    needsOidc:
      '"{action}" can only be called with an OpenID Connect provider principal, and this statement names {principals}. Use the action that fits the principal, or a Federated oidc-provider ARN (or a built-in provider such as cognito-identity.amazonaws.com).',
    needsAwsOrService:
      '"{action}" is called with AWS credentials (accounts, users, roles, services), and this statement names only {principals}. Federated principals use sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      if (!isAllow(statement) || !statement.action) continue;
      const principals = principalValues(statement.principal);
      if (principals.length === 0) continue;
      const kinds = principals.map(principalKind);
      // An unknown Principal key, or a Federated value of no known form, is another rule's finding; judging the
      // statement before it is fixed would guess at what the author meant.
      if (kinds.some((k) => k === undefined)) continue;
      const written = new Set(statement.action.values.map((v) => v.value.toLowerCase()));
      const names = principals.slice(0, 3).map((p) => `"${p.value.value}"`).join(', ') + (principals.length > 3 ? ', ...' : '');
      for (const value of statement.action.values) {
        if (hasWildcardCharacter(value.value)) continue;
        const action = byName.get(value.value.toLowerCase());
        if (!action || kinds.some((k) => action.principalKinds.includes(k!))) continue;
        // One kind of principal and exactly one action it can use: offer that action in place of this one.
        const distinct = new Set(kinds);
        const fitting = distinct.size === 1 ? assumeActions.filter((a) => a.principalKinds.includes(kinds[0]!)) : [];
        const suggestions: Fix[] =
          fitting.length === 1 && !written.has(fitting[0]!.action.toLowerCase())
            ? [{ title: `Change to "${fitting[0]!.action}"`, edits: [replaceWithString(value.node, fitting[0]!.action)] }]
            : [];
        report({ node: value.node, messageId: messageFor(action), data: { action: value.value, principals: names }, suggestions });
      }
    }
  },
});
