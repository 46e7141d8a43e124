/** Custom messages between the client and the server, declared once for both sides. */
import type { PolicyType } from './settings';

export interface PolicyTypeInfo {
  readonly type: PolicyType;
  readonly source: 'explicit' | 'setting' | 'file name' | 'content' | 'default';
}

/** Request: the policy type the server checks a document as (for the status bar), or null when it does not serve it. */
export const policyTypeRequest = 'iamPolicy/policyType';
export interface PolicyTypeParams {
  readonly uri: string;
}
