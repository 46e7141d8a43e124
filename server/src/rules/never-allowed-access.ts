import { findWitness, parseGlob, type Glob, type SearchBudget } from '../access/globContainment';
import type { Action } from '../catalog/types';
import type { Statement } from '../policy/model';
import { statementActions } from '../policy/statementActions';
import { defineRule } from './types';
import { formatCount } from '../../../shared/formatCount';

/**
 * Does the statement's Resource / NotResource meet one of the listed patterns? A search that runs out of its budget
 * (adversarial patterns) counts as meeting: the rule errs towards reporting.
 */
function meetsListed(statement: Statement, listed: readonly Glob[], variables: boolean, budget: SearchBudget): boolean {
  if (statement.resource) return statement.resource.values.some((v) => findWitness({ must: [[parseGlob(v.value, { variables })], listed], mustNot: [] }, budget).found !== false);
  if (statement.notResource) return findWitness({ must: [listed], mustNot: statement.notResource.values.map((v) => parseGlob(v.value, { variables })) }, budget).found !== false;
  return true;
}

/** Automaton states the pattern searches of one policy may step (globContainment.ts): real ARNs need a few hundred. */
const searchBudget = 300_000;

/** A Deny of the actions on every resource, with no condition: what it covers is not granted whatever allows it. */
function deniesEverywhere(statement: Statement): boolean {
  return statement.effect?.value === 'Deny' && !statement.condition && !statement.notResource && !statement.principal && !statement.notPrincipal && (statement.resource?.values.some((v) => v.value === '*') ?? true);
}

function names(actions: readonly Action[]): string {
  const shown = actions.slice(0, 3).map((a) => a.fullName);
  const more = actions.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${formatCount(more)} more` : shown.join(actions.length === 2 ? ' and ' : ', ');
}

export default defineRule({
  id: 'never-allowed-access',
  severity: 'error',
  summary: 'A statement allows an action the project config lists under "neverAllow" (on a resource it lists, if it lists any).',
  // Where an Allow grants access. SCPs, RCPs, boundaries and session policies only cap what others grant.
  policyTypes: ['identity', 'resource', 'trust'],
  messages: {
    granted: 'This statement allows {actions}, which the project config forbids ("neverAllow" in .iampolicy.json){where}.',
  },
  // Whole policy (no scope): the resource searches of all statements share one budget, so one statement's finding can
  // depend on the others.
  check({ policy, catalog, neverAllow, report }) {
    if (!neverAllow || policy.statements.length === 0) return;
    // Expands itself: the config's patterns, not values of the statements.
    const forbidden = new Set(neverAllow.actions.flatMap((pattern) => catalog.expandAction(pattern)));
    const forbiddenText = new Set(neverAllow.actions.map((pattern) => pattern.toLowerCase()));
    const variables = policy.version?.value === '2012-10-17';
    const listedResources = neverAllow.resources?.map((pattern) => parseGlob(pattern, { variables }));
    const denied = policy.statements.filter(deniesEverywhere).map((s) => statementActions(s, catalog));
    const budget: SearchBudget = { remaining: searchBudget };
    const where = listedResources ? ` on ${neverAllow.resources!.length === 1 ? neverAllow.resources![0] : 'resources it lists'}` : '';
    for (const statement of policy.statements) {
      if (statement.effect?.value !== 'Allow') continue;
      if (listedResources && !meetsListed(statement, listedResources, variables, budget)) continue;
      const granted = statementActions(statement, catalog);
      const open = (action: Action) => forbidden.has(action) && !denied.some((d) => d.covers(action));
      if (granted.isNotAction) {
        const actions = granted.actions.filter(open);
        if (actions.length > 0) report({ node: statement.notAction!.keyNode, messageId: 'granted', data: { actions: names(actions), where } });
        continue;
      }
      for (const entry of granted.entries) {
        const actions = entry.actions.filter(open);
        // An action the catalogue does not know is matched by its text, as written in the list.
        const byText = actions.length === 0 && entry.actions.length === 0 && forbiddenText.has(entry.value.value.toLowerCase());
        if (actions.length === 0 && !byText) continue;
        report({ node: entry.value.node, messageId: 'granted', data: { actions: byText ? entry.value.value : names(actions), where } });
      }
    }
  },
});
