/**
 * How the exposure lists are derived from the catalogue, so that their review can be repeated after every data update.
 * data/credentials-exposure-actions.json and data/resource-exposure-actions.json each carry a `derivation`: which
 * actions are candidates (an access level and a name pattern), and which name patterns are set aside as a family.
 * Every candidate is then decided by hand: listed in `entries` (reported, with a reason and a source) or in `excluded`
 * (reviewed and not reported, with why). test/data/exposure-review.test.ts fails while a candidate is undecided, and
 * `npm run exposure-candidates` prints what is left to decide.
 */
import { compileGlob, type Action, type Catalog } from '../server/src/catalog';
import type { AccessLevel } from '../server/src/catalog/types';
import { compareFullNames } from '../server/src/policy/statementActions';
import type { ActionListEntry } from '../server/src/rules/shared/sensitiveActions';

/** Actions of these access levels whose full name matches one of the IAM action patterns are candidates. */
export interface CandidateRule {
  readonly accessLevels: readonly string[];
  readonly patterns: readonly string[];
  readonly why: string;
}

/** A family of names no candidate rule should bring in (removing or listing verbs...), with why. */
export interface SetAside {
  readonly patterns: readonly string[];
  readonly why: string;
}

export interface ExposureDerivation {
  readonly candidates: readonly CandidateRule[];
  readonly setAside: readonly SetAside[];
}

export interface ExcludedEntry {
  readonly actions: readonly string[];
  readonly why: string;
}

/** The shape of an exposure list's data file. */
export interface ExposureListData {
  readonly derivation: ExposureDerivation;
  readonly entries: readonly ActionListEntry[];
  readonly excluded: readonly ExcludedEntry[];
}

function matcher(patterns: readonly string[]): (action: Action) => boolean {
  const globs = patterns.map((pattern) => compileGlob(pattern, { ignoreCase: true }));
  return (action) => globs.some((matches) => matches(action.fullName));
}

/** The catalogue's actions the derivation yields, sorted by full name. */
export function derivedCandidates(catalog: Catalog, derivation: ExposureDerivation): Action[] {
  const rules = derivation.candidates.map((rule) => ({ levels: new Set<AccessLevel | string>(rule.accessLevels), matches: matcher(rule.patterns) }));
  const setAside = matcher(derivation.setAside.flatMap((entry) => entry.patterns));
  const found: Action[] = [];
  for (const service of catalog.services()) {
    for (const action of catalog.actionsOf(service)) {
      if (setAside(action)) continue;
      if (rules.some((rule) => rule.levels.has(action.accessLevel) && rule.matches(action))) found.push(action);
    }
  }
  return found.sort(compareFullNames);
}

export interface ReviewState {
  /** Candidates neither listed nor excluded: to be reviewed. */
  readonly undecided: readonly Action[];
  /** Excluded names that are no candidate (any more): the exclusion is stale. */
  readonly staleExclusions: readonly string[];
  /** Names both listed and excluded. */
  readonly contradictions: readonly string[];
  /** Listed actions the derivation does not yield (added by hand; allowed, shown for information). */
  readonly listedBeyondDerivation: readonly string[];
}

export function reviewState(catalog: Catalog, data: ExposureListData): ReviewState {
  const candidates = derivedCandidates(catalog, data.derivation);
  const candidateNames = new Set(candidates.map((action) => action.fullName.toLowerCase()));
  const listed = new Set(data.entries.flatMap((entry) => entry.actions.map((name) => name.toLowerCase())));
  const excluded = data.excluded.flatMap((entry) => entry.actions);
  const excludedNames = new Set(excluded.map((name) => name.toLowerCase()));
  return {
    undecided: candidates.filter((action) => !listed.has(action.fullName.toLowerCase()) && !excludedNames.has(action.fullName.toLowerCase())),
    staleExclusions: excluded.filter((name) => !candidateNames.has(name.toLowerCase())),
    contradictions: excluded.filter((name) => listed.has(name.toLowerCase())),
    listedBeyondDerivation: data.entries.flatMap((entry) => entry.actions).filter((name) => !candidateNames.has(name.toLowerCase())),
  };
}
