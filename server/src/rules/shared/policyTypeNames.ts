/** How messages and docs name each policy type, in the plural ("Principal is not supported in {name}"). */
import type { PolicyType } from '../types';

export const policyTypeNames: Record<PolicyType, string> = {
  identity: 'identity-based policies',
  resource: 'resource-based policies',
  trust: 'role trust policies',
  scp: 'service control policies (SCPs)',
  rcp: 'resource control policies (RCPs)',
  'permissions-boundary': 'permissions boundaries',
  session: 'session policies',
};
