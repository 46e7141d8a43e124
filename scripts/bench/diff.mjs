// Policy diff (issue #17, point 5): diffPolicies in-process (from the bench bundle esbuild.mjs --bench builds like the
// server's), on pairs made of real statements (the managed policies', see documents.mjs): the base, and a new version
// with its statements reordered and a few changes that widen access (an action wildcard, a resource widened, a
// condition dropped, a Deny removed, a statement added), so the analysis compares every statement and finds something.
// Each run parses both texts afresh; the catalogue's memos stay warm, as in a server or a CLI run over several files.
// Budgets: two 6 KB policies < 200 ms, two 100 KB policies < 2 s (median); the first run (cold) is shown beside.
import { policyOfSize } from './documents.mjs';
import { median } from './statistics.mjs';
import { row } from './table.mjs';
import { benchBundle } from './benchBundle.mjs';

/** The new version of `text`: statements in reverse order, and one change of each widening kind. */
export function widened(text) {
  const policy = JSON.parse(text);
  const statements = [...policy.Statement].reverse();
  const allows = statements.filter((s) => s.Effect === 'Allow');
  const withAction = allows.find((s) => typeof s.Action === 'string' || Array.isArray(s.Action));
  if (withAction) withAction.Action = [...[withAction.Action].flat(), 'ec2:Describe*'];
  const withResource = allows.find((s) => s !== withAction && Array.isArray(s.Resource) && s.Resource.some((r) => r !== '*'));
  if (withResource) withResource.Resource = withResource.Resource.map((r) => (r === '*' ? r : r.replace(/[^:/]*$/, '*')));
  const withCondition = allows.find((s) => s.Condition !== undefined);
  if (withCondition) delete withCondition.Condition;
  const deny = statements.findIndex((s) => s.Effect === 'Deny');
  if (deny >= 0) statements.splice(deny, 1);
  statements.push({ Sid: 'AddedByTheChange', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: ['arn:aws:s3:::reports-*', 'arn:aws:s3:::reports-*/*'] });
  return `${JSON.stringify({ ...policy, Statement: statements }, null, 2)}\n`;
}

export async function measureDiff(context) {
  const { createPolicyService, defaultSettings, diffPolicies, TextDocument } = benchBundle(context);
  const service = createPolicyService();
  const rows = [];
  const details = {};
  for (const { bytes, label, budgetMs, runs, quickRuns } of [
    { bytes: 6_000, label: '6 KB', budgetMs: 200, runs: 20, quickRuns: 5 },
    { bytes: 100_000, label: '100 KB', budgetMs: 2_000, runs: 5, quickRuns: 2 },
  ]) {
    const base = policyOfSize(context.statements, bytes);
    const next = widened(base);
    const diffOnce = () => {
      const started = performance.now();
      const a = service.parse(TextDocument.create('file:///bench/base.json', 'iam-policy', 1, base), defaultSettings);
      const b = service.parse(TextDocument.create('file:///bench/new.json', 'iam-policy', 1, next), defaultSettings);
      const found = diffPolicies([a], [b], service.catalog).newAccess;
      return { ms: performance.now() - started, found };
    };
    const cold = diffOnce();
    const times = [];
    for (let i = 0; i < (context.quick ? quickRuns : runs); i++) times.push(diffOnce().ms);
    const findings = cold.found.length;
    const mayWiden = cold.found.filter((f) => f.kind === 'may widen').length;
    const actions = cold.found.reduce((sum, f) => sum + f.actions.length, 0);
    const statements = JSON.parse(base).Statement.length;
    const detail = `${statements} statements each side; ${findings} findings (${mayWiden} may widen), ${actions} actions; first run ${cold.ms.toFixed(0)} ms; ${times.length} runs`;
    rows.push(row('diff', `diff of two ${label} policies (median)`, { value: median(times), unit: 'ms', budget: { below: budgetMs }, detail }));
    details[label] = { statements, findings, mayWiden, actions, coldMs: cold.ms, timesMs: times };
    if (findings === 0) throw new Error(`the ${label} pair shows no new access: the change generator no longer widens anything`);
  }
  return { rows, details };
}
