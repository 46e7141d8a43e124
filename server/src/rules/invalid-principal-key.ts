import { findClosest } from './shared/closest';
import { renameKeyOffer } from './shared/edits';
import { principalKeys } from './shared/principalFormats';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-principal-key',
  severity: 'error',
  scope: 'statement',
  summary: 'A Principal or NotPrincipal object has a key other than AWS, Service, Federated or CanonicalUser (keys are case-sensitive).',
  // RCPs only take "*" (rcp-syntax-error-principal); identity-like types take no principal (unsupported-principal).
  policyTypes: ['resource', 'trust'],
  fixable: 'safe+suggestion',
  messages: {
    unknown: '"{key}" is not a principal type. Use one of: {allowed}.',
    unknownWithSuggestion: '"{key}" is not a principal type. Did you mean "{suggestion}"?',
  },
  check({ statements, report }) {
    for (const statement of statements) {
      for (const element of [statement.principal, statement.notPrincipal]) {
        const entries = element?.entries ?? [];
        const present = new Set(entries.map((e) => e.kind));
        for (const entry of entries) {
          if (principalKeys.includes(entry.kind)) continue;
          const suggestion = findClosest(entry.kind, principalKeys);
          report({
            node: entry.keyNode,
            messageId: suggestion ? 'unknownWithSuggestion' : 'unknown',
            data: { key: entry.kind, suggestion: suggestion ?? '', allowed: principalKeys.join(', ') },
            ...renameKeyOffer(entry.keyNode, suggestion, present),
          });
        }
      }
    }
  },
});
