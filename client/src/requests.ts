/** Client-side presentation of the custom requests declared in shared/protocol.ts. */
import type { PolicyType } from '../../shared/settings';

export { dataInfoRequest, grantsRequest, type DataInfo, type GrantsParams, type GrantsResult } from '../../shared/protocol';

/** How the status bar and the picker name each policy type. */
export const policyTypeLabels: Record<PolicyType, { readonly label: string; readonly detail: string }> = {
  identity: { label: 'Identity-based policy', detail: 'Attached to a user, group or role' },
  resource: { label: 'Resource-based policy', detail: 'On a bucket, key, queue, topic... (has a Principal)' },
  trust: { label: 'Role trust policy', detail: 'Who may assume a role' },
  scp: { label: 'Service control policy (SCP)', detail: 'AWS Organizations: the most accounts may do' },
  rcp: { label: 'Resource control policy (RCP)', detail: 'AWS Organizations: the most resources may allow' },
  'permissions-boundary': { label: 'Permissions boundary', detail: 'The most a user or role may ever do' },
  session: { label: 'Session policy', detail: 'Passed when assuming a role or federating' },
};
