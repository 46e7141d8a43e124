import { hasPlaceholder } from '../policy/placeholders';
import { compileGlob } from '../catalog';
import { isPattern, withField } from './shared/arnFields';
import { judgeableArn } from './shared/arnFieldChecks';
import { findClosest } from './shared/closest';
import { replaceWithString } from './shared/edits';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';
import { regionCodes, regionListDate } from './shared/valueFormats';

export default defineRule({
  id: 'invalid-arn-region',
  severity: 'error',
  scope: 'statement',
  summary: 'The Region field of a resource ARN is not an AWS Region code (us-east-1f, us), so the ARN matches no resource.',
  policyTypes: arnPolicyTypes,
  fixable: 'suggestion',
  messages: {
    notRegion: 'Region "{region}" in {resource} is not a Region code (such as us-east-1), so the ARN matches no resource.',
    didYouMean: 'Region "{region}" in {resource} is not a Region code, so the ARN matches no resource. Did you mean "{suggestion}"?',
    noMatch: 'The Region pattern "{region}" in {resource} matches no Region known on {date}, so the ARN matches no resource.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      if (value.shape.kind !== 'arn') continue;
      const arn = value.shape.arn;
      const region = arn.region.text;
      // Empty: missing-arn-region; a policy variable stands for what the request says; a placeholder (`<region>`) is
      // unfilled-placeholder's.
      if (region === '' || region.includes('${') || hasPlaceholder(region)) continue;
      // A format without a Region (IAM, S3 buckets) is arn-region-not-allowed's finding.
      const judged = judgeableArn(value, catalog);
      if (judged?.formats.every((f) => f.region === '')) continue;
      const data = { region, resource: value.value.value, date: regionListDate };
      if (isPattern(region)) {
        if (!regionCodes.some(compileGlob(region))) report({ node: value.value.node, messageId: 'noMatch', data });
        continue;
      }
      if (regionCodes.includes(region)) continue;
      const suggestion = findClosest(region, regionCodes);
      if (!suggestion) {
        report({ node: value.value.node, messageId: 'notRegion', data });
        continue;
      }
      const fixed = withField(arn, arn.region, suggestion);
      report({
        node: value.value.node,
        messageId: 'didYouMean',
        data: { ...data, suggestion },
        // The ARN matches nothing now; with a real Region it grants on that Region's resources: for review.
        suggestions: [{ title: `Change the Region to "${suggestion}"`, edits: [replaceWithString(value.value.node, fixed)] }],
      });
    }
  },
});
