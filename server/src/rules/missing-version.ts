import { insertProperty } from './shared/edits';
import { openingBrace } from './shared/openingBrace';
import { fitsQuotaAfter, quotaFor } from './shared/policySize';
import { usesPolicyVariables } from './shared/policyVariables';
import { defineRule } from './types';
import { formatCount } from '../../../shared/formatCount';

const currentVersion = '2012-10-17';

export default defineRule({
  id: 'missing-version',
  severity: 'warning',
  summary: 'The policy has no "Version"; AWS then applies the old 2008-10-17 language, where policy variables do not work.',
  fixable: 'safe+suggestion',
  messages: {
    missing: `This policy has no "Version". Add "Version": "${currentVersion}" so AWS applies the current policy language.`,
    missingWithVariables:
      `This policy has no "Version", so AWS reads its policy variables as plain text. Add "Version": "${currentVersion}" to make them variables (this changes what the policy matches).`,
    missingOverQuota:
      `This policy has no "Version". Add "Version": "${currentVersion}" so AWS applies the current policy language; the policy then has more than the {quota} characters allowed for {what}, so make room first.`,
  },
  // Whole policy (no scope): Version is outside every statement, and the finding depends on whether any statement uses
  // variables.
  check({ policy, policyType, report }) {
    const root = policy.root;
    if (root?.type !== 'object' || policy.version) return;
    const fix = {
      title: `Add "Version": "${currentVersion}"`,
      edits: [insertProperty(policy.text, root, 'Version', JSON.stringify(currentVersion), 'first')],
    };
    // Turning literal `${...}` text into variables changes what the policy grants: a suggestion, not a safe fix.
    if (usesPolicyVariables(policy)) {
      report({ span: openingBrace(root), messageId: 'missingWithVariables', suggestions: [fix] });
    } else if (!fitsQuotaAfter(policy.text, policyType, fix.edits)) {
      // Safe for the language, not for the size: fix-all and --fix would trade this warning for a size error.
      const quota = quotaFor(policyType)!;
      report({ span: openingBrace(root), messageId: 'missingOverQuota', data: { quota: formatCount(quota.characters), what: quota.what }, suggestions: [fix] });
    } else {
      report({ span: openingBrace(root), messageId: 'missing', fix });
    }
  },
});
