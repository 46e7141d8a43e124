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
import type { Action, Catalog } from '../../catalog/types';
import { compareFullNames } from '../../policy/statementActions';

export interface ActionListEntry {
  readonly actions: readonly string[];
  readonly reason: string;
  readonly source: string;
}

/** A list of actions with the reason for each, and a case-insensitive membership test. */
export interface ActionList {
  readonly entries: readonly ActionListEntry[];
  has(action: Action): boolean;
  /** The listed actions the catalogue knows, sorted by full name: fewer to look at than a statement of `s3:*`. */
  actionsIn(catalog: Catalog): readonly Action[];
}

function actionList(entries: readonly ActionListEntry[]): ActionList {
  const names = new Set(entries.flatMap((entry) => entry.actions.map((a) => a.toLowerCase())));
  const known = new WeakMap<Catalog, readonly Action[]>();
  return {
    entries,
    has: (action) => names.has(lowerCaseName(action)),
    actionsIn(catalog) {
      let actions = known.get(catalog);
      if (!actions) {
        const found = new Set([...names].flatMap((name) => catalog.findAction(name) ?? []));
        actions = [...found].sort(compareFullNames);
        known.set(catalog, actions);
      }
      return actions;
    },
  };
}

const lowerCaseNames = new WeakMap<Action, string>();

/** The action's full name in lower case, made once per action: the lists are asked about every action of a statement. */
function lowerCaseName(action: Action): string {
  let name = lowerCaseNames.get(action);
  if (name === undefined) lowerCaseNames.set(action, (name = action.fullName.toLowerCase()));
  return name;
}

export const credentialsExposureActions = actionList(credentialsExposureEntries);
export const dataExfiltrationActions = actionList(dataExfiltrationData.entries);
export const resourceExposureActions = actionList(resourceExposureEntries);
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
  let answer = mfaAnswers.get(action);
  if (answer === undefined) {
    answer = !mfaExcluded.has(action) && (mfaIncluded.has(action) || mfaLevels.has(action.accessLevel) || (action.accessLevel === 'Write' && mfaWriteServices.has(action.service.prefix)));
    mfaAnswers.set(action, answer);
  }
  return answer;
}

/** Asked for every action of every Allow statement; answered once per action. */
const mfaAnswers = new WeakMap<Action, boolean>();
