import { impossibilities, type Impossibility } from './shared/impossibleConditions';
import { removeStatementEdit } from './shared/statementRemoval';
import { defineRule } from './types';

export default defineRule({
  id: 'condition-never-true',
  severity: 'hint',
  scope: 'statement',
  summary: 'A Condition no request can satisfy (a time that has passed, a key required both absent and present, an empty range), so the statement allows or denies nothing.',
  fixable: 'suggestion',
  messages: {
    timePassed: '{key} must be before {latest}, which has passed: this statement no longer {does} anything.',
    sessionsExpired:
      'Only sessions issued before {latest} match, and every such session has expired (sessions last at most 36 hours): this statement no longer {does} anything.',
    absentAndPresent: '"Null" requires {key} to be absent, and "{other}" requires it to be present: this statement never {does} anything.',
    emptyRange: '"{operator}" and "{other}" on {key} leave no value in between: this statement never {does} anything.',
  },
  check({ policy, statements, report }) {
    for (const statement of statements) {
      const found = impossibilities(statement);
      if (found.length === 0) continue;
      const does = statement.effect?.value === 'Deny' ? 'denies' : 'allows';
      const removal = removeStatementEdit(policy, statement);
      for (const impossibility of found) {
        report({
          node: impossibility.entry.keyNode,
          messageId: impossibility.kind,
          data: { ...details(impossibility), does },
          tags: ['unnecessary'],
          suggestions: removal ? [{ title: 'Remove this statement (it never applies)', edits: [removal] }] : [],
        });
      }
    }
  },
});

function details(impossibility: Impossibility): Record<string, string> {
  const key = impossibility.entry.key;
  switch (impossibility.kind) {
    case 'timePassed':
    case 'sessionsExpired':
      return { key, latest: impossibility.entry.values.map((v) => String(v.value)).join(' or ') };
    case 'absentAndPresent':
      return { key, other: impossibility.other.operator };
    case 'emptyRange':
      return { key, operator: impossibility.operator.operator, other: impossibility.other.operator };
  }
}
