import { readFederatedPrincipal } from './shared/principalFormats';
import { hasWildcardCharacter, principalValues } from './shared/principals';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-federated-principal-syntax-in-role-trust-policy',
  severity: 'error',
  scope: 'statement',
  summary:
    'A Federated principal in a role trust policy is neither a SAML or OIDC provider ARN (arn:<Partition>:iam::<Account>:saml-provider/<ProviderName> or …:oidc-provider/<ProviderHost>) nor a domain name.',
  policyTypes: ['trust'],
  messages: {
    arnService: '"{value}" is not an identity provider ARN: those are IAM ARNs such as "arn:aws:iam::111122223333:saml-provider/<ProviderName>".',
    arnRegion: 'Identity provider ARNs have no Region: "{value}" should have an empty Region field (arn:aws:iam::<Account>:...).',
    arnAccount: '"{account}" in "{value}" is not a 12-digit account ID.',
    arnResource:
      '"{resource}" is not an identity provider: a Federated ARN names saml-provider/<ProviderName> or oidc-provider/<ProviderHost> (the provider\'s URL without https://).',
    notDomain:
      '"{value}" is neither an identity provider ARN nor a domain name. Use the ARN of the SAML or OIDC provider registered in IAM, or a built-in provider such as cognito-identity.amazonaws.com.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const { key, value } of principalValues(statement.principal)) {
        const text = value.value;
        if (key !== 'Federated' || hasWildcardCharacter(text) || text.includes('${')) continue;
        const reading = readFederatedPrincipal(text);
        if (reading.kind === 'ok') continue;
        report({ node: value.node, messageId: reading.kind, data: { value: text, ...reading } });
      }
    }
  },
});
