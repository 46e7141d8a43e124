import { replaceWithString } from './shared/edits';
import { usesPolicyVariables } from './shared/policyVariables';
import { defineRule } from './types';

const oldVersion = '2008-10-17';
const currentVersion = '2012-10-17';

export default defineRule({
  id: 'old-version',
  severity: 'warning',
  summary: 'Version 2008-10-17 is the old policy language, where policy variables do not work.',
  fixable: 'safe+suggestion',
  messages: {
    old: `Version "${oldVersion}" is the old policy language; use "${currentVersion}".`,
    oldWithVariables:
      `Version "${oldVersion}" makes AWS read this policy's variables as plain text. Use "${currentVersion}" to make them variables (this changes what the policy matches).`,
  },
  // Whole policy (no scope): Version is outside every statement, and the finding depends on whether any statement uses
  // variables.
  check({ policy, report }) {
    const version = policy.version;
    if (version?.value !== oldVersion || !version.valueNode) return;
    const fix = { title: `Change to "${currentVersion}"`, edits: [replaceWithString(version.valueNode, currentVersion)] };
    // Without `${` the two versions mean the same thing; with one, upgrading turns literal text into a variable.
    if (usesPolicyVariables(policy)) {
      report({ node: version.valueNode, messageId: 'oldWithVariables', tags: ['deprecated'], suggestions: [fix] });
    } else {
      report({ node: version.valueNode, messageId: 'old', tags: ['deprecated'], fix });
    }
  },
});
