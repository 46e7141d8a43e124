import { knownVersions } from '../policy/parse';
import { replaceWithString } from './shared/edits';
import { defineRule } from './types';

const currentVersion = '2012-10-17';

export default defineRule({
  id: 'invalid-version',
  severity: 'error',
  summary: 'Version is neither "2012-10-17" nor "2008-10-17".',
  fixable: 'safe',
  messages: {
    invalid: `"{value}" is not a policy language version; AWS rejects the policy. Use "${currentVersion}".`,
  },
  // Whole policy (no scope): Version is outside every statement.
  check({ policy, report }) {
    const version = policy.version;
    // A non-string Version is data-type-mismatch's to report.
    if (version?.value === undefined || !version.valueNode || knownVersions.includes(version.value)) return;
    report({
      node: version.valueNode,
      messageId: 'invalid',
      data: { value: version.value },
      // Safe: as written the policy is rejected, so there is no current meaning to preserve, and the only other
      // accepted value (2008-10-17) is one AWS says never to use for new or updated policies.
      fix: { title: `Change to "${currentVersion}"`, edits: [replaceWithString(version.valueNode, currentVersion)] },
    });
  },
});
