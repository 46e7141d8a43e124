/**
 * The action lists the security rules judge by, read from data/ (each entry with its reason and source):
 * MFA-sensitive actions, credential-returning actions, data-reading actions, resource-policy-changing actions and the
 * credential self-service actions. Lookups are by lower-cased full name, since IAM ignores case in action names.
 */
import credentialSelfServiceData from '../../../data/credential-self-service-actions.json';
import credentialsExposureData from '../../../data/credentials-exposure-actions.json';
import dataExfiltrationData from '../../../data/data-exfiltration-actions.json';
import mfaData from '../../../data/mfa-sensitive-actions.json';
import resourceExposureData from '../../../data/resource-exposure-actions.json';
import type { Action } from '../catalog/types';

export interface ActionListEntry {
  readonly actions: readonly string[];
  readonly reason: string;
  readonly source: string;
}

/** A list of actions with the reason for each, and a case-insensitive membership test. */
export interface ActionList {
  readonly entries: readonly ActionListEntry[];
  has(action: Action): boolean;
}

function actionList(entries: readonly ActionListEntry[]): ActionList {
  const names = new Set(entries.flatMap((entry) => entry.actions.map((a) => a.toLowerCase())));
  return { entries, has: (action) => names.has(action.fullName.toLowerCase()) };
}

export const credentialsExposureActions = actionList(credentialsExposureData.entries);
export const dataExfiltrationActions = actionList(dataExfiltrationData.entries);
export const resourceExposureActions = actionList(resourceExposureData.entries);
export const credentialSelfServiceActions = actionList(credentialSelfServiceData.entries);

export interface MfaSensitiveFacts {
  readonly accessLevels: readonly { level: string; reason: string; source: string }[];
  readonly writeServices: readonly { service: string; reason: string; source: string }[];
  readonly include: readonly ActionListEntry[];
  readonly exclude: readonly ActionListEntry[];
}

export const mfaSensitiveFacts: MfaSensitiveFacts = mfaData;

const mfaLevels = new Set<string>(mfaData.accessLevels.map((entry) => entry.level));
const mfaWriteServices = new Set(mfaData.writeServices.map((entry) => entry.service));
const mfaIncluded = actionList(mfaData.include);
const mfaExcluded = actionList(mfaData.exclude);

/**
 * Sensitive enough to want MFA: Permissions management actions of any service, Write actions of IAM, STS and
 * Organizations, and the listed extras; minus the listed exceptions (MFA set-up, role assumption, PassRole...).
 */
export function isMfaSensitive(action: Action): boolean {
  if (mfaExcluded.has(action)) return false;
  if (mfaIncluded.has(action) || mfaLevels.has(action.accessLevel)) return true;
  return action.accessLevel === 'Write' && mfaWriteServices.has(action.service.prefix);
}
