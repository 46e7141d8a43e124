import { insertProperty, replaceWithString } from './shared/edits';
import { supportedVariables } from './shared/variableStrings';
import { defineRule, type Fix } from './types';

const currentVersion = '2012-10-17';

export default defineRule({
  id: 'variable-unsupported-in-version',
  severity: 'error',
  scope: 'statement',
  summary: 'A policy variable in a policy without Version 2012-10-17, where IAM reads it as plain text.',
  fixable: 'suggestion',
  messages: {
    noVersion: '"{text}" is plain text here: without "Version": "2012-10-17", AWS does not substitute policy variables.',
    oldVersion: '"{text}" is plain text here: Version 2008-10-17 does not substitute policy variables. Use "2012-10-17".',
  },
  check({ policy, statements, report }) {
    const root = policy.root;
    if (root?.type !== 'object') return;
    const version = policy.version;
    if (version && version.value !== '2008-10-17') return;
    let suggestion: Fix | undefined;
    if (!version) {
      suggestion = { title: `Add "Version": "${currentVersion}"`, edits: [insertProperty(policy.text, root, 'Version', JSON.stringify(currentVersion), 'first')] };
    } else if (version.valueNode) {
      suggestion = { title: `Change the Version to "${currentVersion}"`, edits: [replaceWithString(version.valueNode, currentVersion)] };
    }
    for (const { token, span } of supportedVariables(policy.text, statements)) {
      if (token.kind !== 'variable' && token.kind !== 'escape') continue;
      report({
        span,
        messageId: version ? 'oldVersion' : 'noVersion',
        data: { text: policy.text.slice(span.offset, span.offset + span.length) },
        // Turning literal text into a variable changes what the policy matches: never a safe fix (as missing-version).
        suggestions: suggestion ? [suggestion] : [],
      });
    }
  },
});
