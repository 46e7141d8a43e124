import { parseOperator } from '../policy/operators';
import type { Statement } from '../policy/model';
import { federatedProvider, isAllow, isGitHubProvider, principalValues } from './shared/principals';
import { defineRule } from './types';

const negated = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress', 'Null']);

/** Whether some condition tests a claim of the provider (`<host>:aud`, `<host>:sub`...) against values it must match. */
function testsClaimOf(statement: Statement, host: string): boolean {
  const prefix = `${host.toLowerCase()}:`;
  return (statement.condition?.operators ?? []).some((operator) => {
    const parsed = parseOperator(operator.operator);
    if (negated.has(parsed.baseName) || parsed.qualifier === 'ForAllValues') return false;
    return operator.keys.some((key) => key.key.toLowerCase().startsWith(prefix) && key.values.length > 0);
  });
}

export default defineRule({
  id: 'missing-condition-key-for-oidc-principal',
  severity: 'warning',
  scope: 'statement',
  summary:
    'A role trusts an OpenID Connect provider with no condition on the provider\'s claims (aud, sub), so any identity the provider issues tokens to can assume it.',
  policyTypes: ['trust'],
  messages: {
    missing:
      'No condition tests a claim of "{host}", so every identity it issues tokens to can assume this role. Add a condition on {host}:aud (your application or client ID) and, where the provider sets it, {host}:sub.',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      if (!isAllow(statement)) continue;
      for (const principal of principalValues(statement.principal)) {
        if (principal.key !== 'Federated') continue;
        const provider = federatedProvider(principal.value.value);
        // GitHub has its own, more specific check: missing-github-repo-condition-key.
        if (provider?.kind !== 'oidc' || isGitHubProvider(principal.value.value)) continue;
        if (testsClaimOf(statement, provider.host)) continue;
        report({ node: principal.value.node, messageId: 'missing', data: { host: provider.host } });
      }
    }
  },
});
