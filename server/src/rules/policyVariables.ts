/**
 * Whether the document uses `${...}` anywhere. Under Version 2008-10-17 (or no Version) AWS reads such text
 * literally; under 2012-10-17 it substitutes a value. Switching the Version of a policy that contains one therefore
 * changes what the policy matches, so that switch is only offered as a suggestion, never as a safe fix.
 */
import type { PolicyModel } from '../policy/model';

export function usesPolicyVariables(policy: PolicyModel): boolean {
  return policy.text.includes('${');
}
