import { statementActions } from '../policy/statementActions';
import { isAllow } from './shared/grants';
import { defineRule } from './types';
import { formatCount } from '../../../shared/formatCount';

export default defineRule({
  id: 'allow-with-not-action',
  severity: 'warning',
  scope: 'statement',
  summary: 'Allow with NotAction, which grants every action not listed, including actions AWS adds later.',
  // Boundaries, session policies, SCPs and RCPs cap permissions: "allow all but these" is the usual way to write a
  // cap there. Identity and resource policies grant, so there it hands out everything else.
  policyTypes: ['identity', 'resource'],
  messages: {
    allowNotAction:
      'Allow with NotAction grants every action except the {excluded} listed ({count} today, and every action AWS adds later); list the actions to allow in Action instead.',
  },
  check({ statements, catalog, report }) {
    for (const statement of statements) {
      const notAction = statement.notAction;
      if (!isAllow(statement) || !notAction || statement.action) continue;
      const granted = statementActions(statement, catalog);
      report({
        node: notAction.keyNode,
        messageId: 'allowNotAction',
        data: { excluded: notAction.values.length, count: formatCount(granted.count) },
      });
    }
  },
});
