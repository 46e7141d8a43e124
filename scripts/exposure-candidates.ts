/**
 * Prints, for each exposure list, the candidates its derivation yields that are not decided yet (neither listed nor
 * excluded), stale exclusions and contradictions. Run after a data update: `npm run exposure-candidates`
 * (`-- --all` also prints every candidate with its decision). Exits 1 while something is left to decide.
 */
import { parseArgs } from 'node:util';
import credentialsData from '../data/credentials-exposure-actions.json';
import resourceData from '../data/resource-exposure-actions.json';
import { getCatalog } from '../server/src/catalog';
import { derivedCandidates, reviewState, type ExposureListData } from './exposureReview';

const { values } = parseArgs({ options: { all: { type: 'boolean', default: false } } });
const catalog = getCatalog();
const lists: [string, ExposureListData][] = [
  ['data/credentials-exposure-actions.json', credentialsData],
  ['data/resource-exposure-actions.json', resourceData],
];

let open = 0;
for (const [file, data] of lists) {
  const state = reviewState(catalog, data);
  const candidates = derivedCandidates(catalog, data.derivation);
  console.log(`${file}: ${candidates.length} candidates (${catalog.info.source} ${catalog.info.dataVersion})`);
  if (values.all) {
    const listed = new Set(data.entries.flatMap((entry) => entry.actions));
    const excluded = new Set(data.excluded.flatMap((entry) => entry.actions));
    for (const action of candidates) {
      const decision = listed.has(action.fullName) ? 'listed  ' : excluded.has(action.fullName) ? 'excluded' : 'OPEN    ';
      console.log(`  ${decision} ${action.fullName} [${action.accessLevel}]`);
    }
  }
  for (const action of state.undecided) console.log(`  undecided: ${action.fullName} [${action.accessLevel}] ${action.description}`);
  for (const name of state.staleExclusions) console.log(`  stale exclusion (no longer a candidate): ${name}`);
  for (const name of state.contradictions) console.log(`  both listed and excluded: ${name}`);
  for (const name of state.listedBeyondDerivation) console.log(`  listed by hand, not derived: ${name}`);
  open += state.undecided.length + state.staleExclusions.length + state.contradictions.length;
}
if (open > 0) {
  console.log(`${open} to decide: add each to "entries" (reason, source) or "excluded" (why).`);
  process.exitCode = 1;
}
