/**
 * The policy types IAM itself stores and validates: identity-based policies (managed and inline), permissions
 * boundaries (managed policies), role trust policies, and session policies (identity-policy grammar, checked by
 * STS as IAM checks identity policies). IAM's rules for the Sid apply to these: "In IAM, the Sid value must be
 * unique within a JSON policy" and only ASCII letters and digits are allowed.
 */
import type { PolicyType } from '../types';

export const iamValidatedPolicyTypes: readonly PolicyType[] = ['identity', 'permissions-boundary', 'session', 'trust'];
