import { hasWildcard } from '../catalog';
import { isWildcardOnly } from './shared/arnFields';
import { splitAction } from './shared/actionPatterns';
import { resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';
import { namesAndMore } from './shared/namesAndMore';

export default defineRule({
  id: 'wildcard-in-service-name',
  severity: 'info',
  scope: 'statement',
  summary: 'A wildcard inside a service name (`*code*:Get*`, `arn:aws:s3*:::...`) may match services you did not mean, including future ones.',
  messages: {
    inAction: 'The service part "{service}" of {value} has a wildcard: it matches every service whose prefix fits ({matches}), and any added later. Name the services.',
    inArn: 'The service field "{service}" of {value} has a wildcard: it matches the ARNs of every service whose name fits, and of any added later. Name the service.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const statement of statements) {
      for (const element of [statement.action, statement.notAction]) {
        for (const { value, node } of element?.values ?? []) {
          // Most actions have no wildcard at all: nothing to split.
          if (!hasWildcard(value)) continue;
          const service = splitAction(value)?.service;
          // `*` alone is every service: wildcard-action and full-admin-access judge that.
          if (service === undefined || !hasWildcard(service) || isWildcardOnly(service)) continue;
          // Expands itself: every action of the services the pattern names, a pattern built here.
          const prefixes = [...new Set(catalog.expandAction(`${service}:*`).map((a) => a.service.prefix))];
          const matches = namesAndMore(prefixes, 4) || 'none today';
          report({ node, messageId: 'inAction', data: { service, value, matches } });
        }
      }
    }
    // Trust policies have no Resource to judge (role-trust-policy-syntax-error-resource).
    if (policyType === 'trust') return;
    for (const { value, shape } of resourceValuesOf(statements, policyType)) {
      if (shape.kind !== 'arn') continue;
      const service = shape.arn.service.text;
      if (service.includes('${') || !hasWildcard(service) || isWildcardOnly(service)) continue;
      report({ node: value.node, messageId: 'inArn', data: { service, value: value.value } });
    }
  },
});
