/**
 * Whether the document uses `${...}` anywhere. Under Version 2008-10-17 (or no Version) AWS reads such text
 * literally; under 2012-10-17 it substitutes a value. Switching the Version of a policy that contains one therefore
 * changes what the policy matches, so that switch is only offered as a suggestion, never as a safe fix. Placeholders
 * (`${BucketName}`) do not count: read literally or as a variable IAM cannot resolve, they match nothing either way.
 */
import type { PolicyModel } from '../../policy/model';
import { findVariables } from '../../policy/variables';

export function usesPolicyVariables(policy: PolicyModel): boolean {
  return policy.text.includes('${') && findVariables(policy.text).some((token) => token.kind !== 'placeholder');
}
