/**
 * The action lists the security rules judge by, read from data/ (each entry with its reason and source):
 * MFA-sensitive actions, credential-returning actions, data-reading actions, resource-policy-changing actions and the
 * credential self-service actions. Lookups are by lower-cased full name, since IAM ignores case in action names.
 * The two exposure lists also record how they were derived and what was reviewed and left out
 * (scripts/exposureReview.ts); the rules read only their entries, so only those are bundled.
 */
import credentialSelfServiceData from '../../../../data/credential-self-service-actions.json';
import { entries as credentialsExposureEntries } from '../../../../data/credentials-exposure-actions.json';
import dataExfiltrationData from '../../../../data/data-exfiltration-actions.json';
import mfaData from '../../../../data/mfa-sensitive-actions.json';
import { entries as resourceExposureEntries } from '../../../../data/resource-exposure-actions.json';
import type { ActionListName, Catalog } from '../../catalog/types';
import type { StatementActions } from '../../policy/statementActions';

export interface ActionListEntry {
  readonly actions: readonly string[];
  readonly reason: string;
  readonly source: string;
}

/**
 * A list of actions with the reason for each. Membership is asked of the catalogue, which holds each list as a bitset
 * by action id (scripts/build-catalog.mjs reads the same files), matched without regard to case as IAM reads names.
 */
export interface ActionList {
  /** The catalogue's name for the list (catalog.actionFacts). */
  readonly name: ActionListName;
  readonly entries: readonly ActionListEntry[];
}

export const credentialsExposureActions: ActionList = { name: 'credentialsExposure', entries: credentialsExposureEntries };
export const dataExfiltrationActions: ActionList = { name: 'dataExfiltration', entries: dataExfiltrationData.entries };
export const resourceExposureActions: ActionList = { name: 'resourceExposure', entries: resourceExposureEntries };
export const credentialSelfServiceActions: ActionList = { name: 'credentialSelfService', entries: credentialSelfServiceData.entries };

/**
 * The ids of the listed actions the statement covers, ascending (so in full-name order). Walks whichever side is
 * shorter: the list for a statement of `*`, the statement's actions for a statement of a few.
 */
export function listedIdsGranted(granted: StatementActions, list: ActionListName, catalog: Catalog): number[] {
  const facts = catalog.actionFacts;
  const listed = facts.idsOf(list);
  const found: number[] = [];
  if (granted.count > listed.length) {
    for (let i = 0; i < listed.length; i++) if (granted.has(listed[i]!)) found.push(listed[i]!);
  } else {
    const ids = granted.ids;
    for (let i = 0; i < ids.length; i++) if (facts.listed(list, ids[i]!)) found.push(ids[i]!);
  }
  return found;
}

export interface MfaSensitiveFacts {
  readonly accessLevels: readonly { level: string; reason: string; source: string }[];
  readonly writeServices: readonly { service: string; reason: string; source: string }[];
  readonly include: readonly ActionListEntry[];
  readonly exclude: readonly ActionListEntry[];
}

/**
 * Sensitive enough to want MFA: Permissions management actions of any service, Write actions of IAM, STS and
 * Organizations, and the listed extras; minus the listed exceptions (MFA set-up, role assumption, PassRole...).
 * The catalogue computes it for every action when it is built (its `mfaSensitive` list) from these facts.
 */
export const mfaSensitiveFacts: MfaSensitiveFacts = mfaData;
