/**
 * The language server re-checks, after an edit, only the statements the edit changed and those the statement-scoped
 * rules found something in (rules/statementFindings.ts). What it reports must be exactly what a first analysis of
 * the same text reports: checked here over random edits of a policy made of the managed-policy sample's statements,
 * together with changes of Version, policy type and settings, and edits that break the JSON.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyType } from '../../shared/settings';
import { defaultSettings, type Settings } from '../../shared/settings';
import { createPolicyService, type DocumentOptions } from '../../server/src/service';
import { rules } from '../../server/src/rules';
import { defineRule } from '../../server/src/rules/types';
import { repoPath } from '../support/paths';
import { Random } from '../robustness/random';

function samplePolicy(): string {
  const folder = repoPath('test/fixtures/managed-sample');
  const statements: unknown[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    const policy = JSON.parse(readFileSync(`${folder}/${name}`, 'utf8')) as { Statement?: unknown };
    statements.push(...[policy.Statement ?? []].flat());
  }
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}

/** The statements' spans, found by a fresh parse (the edits below work on text). */
function statementSpans(text: string): { offset: number; length: number }[] {
  const service = createPolicyService();
  return service.parse(TextDocument.create('file:///spans.json', 'iam-policy', 1, text), defaultSettings).statements.map((s) => ({ offset: s.node.offset, length: s.node.length }));
}

suite('re-checking only what an edit changed', () => {
  test('reports what a first analysis of the same text reports, over 120 random edits', () => {
    const seed = Number(process.env.IAM_EDIT_SEED ?? 16);
    const generator = new Random(seed);
    const random = () => generator.next();
    const pick = <T>(items: readonly T[]): T => items[generator.int(items.length)]!;
    const incremental = createPolicyService();
    const uri = 'file:///work/edited.iam.json';
    let text: string = samplePolicy();
    let options: DocumentOptions = { settings: defaultSettings };
    const settingsOff: Settings = { ...defaultSettings, rules: { 'wildcard-action': 'off', 'invalid-action': 'warning' } };
    let reused = 0;
    let clean = text;
    for (let version = 1; version <= 120; version++) {
      text = clean; // an edit that broke the JSON is finished (undone) before the next one
      const spans = statementSpans(text);
      const what = random();
      let edit = '';
      if (spans.length === 0 || what < 0.55) {
        // Type or delete a letter inside a statement (inside a string, a key, or a literal, which breaks the JSON).
        const span = spans.length ? pick(spans) : { offset: 0, length: text.length };
        const letters = [...text.slice(span.offset, span.offset + span.length).matchAll(/[A-Za-z*]/g)].map((m) => span.offset + m.index);
        const at = letters.length ? pick(letters) : span.offset;
        text = random() < 0.5 ? text.slice(0, at) + pick(['x', '*', 'S', ':', '3']) + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        edit = `letter at ${at}`;
      } else if (what < 0.65 && spans.length > 1) {
        const index = Math.floor(random() * (spans.length - 1));
        const span = spans[index]!;
        text = text.slice(0, span.offset) + text.slice(spans[index + 1]!.offset); // the statement and its comma
        edit = `delete statement ${index}`;
      } else if (what < 0.7) {
        const span = pick(spans);
        const copy = text.slice(span.offset, span.offset + span.length);
        text = `${text.slice(0, span.offset + span.length)},\n    ${copy}${text.slice(span.offset + span.length)}`;
        edit = 'duplicate a statement';
      } else if (what < 0.75 && spans.length > 2) {
        // Move a statement before another one: the same statements, in another order.
        const from = Math.floor(random() * (spans.length - 1));
        const moved = text.slice(spans[from]!.offset, spans[from]!.offset + spans[from]!.length);
        const without = text.slice(0, spans[from]!.offset) + text.slice(spans[from + 1]!.offset);
        const target = statementSpans(without);
        const to = pick(target);
        text = `${without.slice(0, to.offset)}${moved},\n    ${without.slice(to.offset)}`;
        edit = `move statement ${from}`;
      } else if (what < 0.82) {
        text = text.includes('"2012-10-17"') ? text.replace('"2012-10-17"', '"2008-10-17"') : text.replace('"2008-10-17"', '"2012-10-17"');
        edit = 'Version';
      } else if (what < 0.9) {
        const policyType = pick<PolicyType | undefined>([undefined, 'identity', 'resource', 'scp', 'permissions-boundary']);
        options = { ...options, policyType };
        edit = `policy type ${policyType}`;
      } else if (what < 0.95) {
        options = { ...options, settings: options.settings === defaultSettings ? settingsOff : { ...defaultSettings } };
        edit = 'settings';
      } else {
        const at = text.indexOf('}', Math.floor(random() * text.length));
        if (at >= 0) text = text.slice(0, at) + text.slice(at + 1);
        edit = 'delete a brace';
      }
      const model = incremental.parse(TextDocument.create(uri, 'iam-policy', version, text), options.settings);
      const found = JSON.stringify(incremental.analyze(model, options).problems);
      const fresh = createPolicyService();
      const expected = JSON.stringify(fresh.analyze(fresh.parse(TextDocument.create(uri, 'iam-policy', version, text), options.settings), options).problems);
      assert.equal(found, expected, `seed ${seed}, version ${version} (${edit}): the findings differ from a first analysis`);
      if (model.syntaxErrors.length === 0) {
        reused++;
        clean = text;
      }
    }
    assert.ok(reused > 60, `${reused} versions parsed cleanly and could reuse the record`);
  });

  test('after typing in one statement, a statement-scoped rule checks that statement and those it found something in', () => {
    const checked: number[][] = [];
    const probe = defineRule({
      id: 'probe',
      severity: 'warning',
      scope: 'statement',
      summary: 'Reports every Deny statement.',
      messages: { deny: 'a Deny' },
      check({ statements, report }) {
        checked.push(statements.map((s) => s.index));
        for (const statement of statements) if (statement.effect?.value === 'Deny') report({ node: statement.node, messageId: 'deny' });
      },
    });
    const service = createPolicyService({ rules: [...rules, probe] });
    const statement = (action: string) => `{"Effect": "${action.startsWith('iam:') ? 'Deny' : 'Allow'}", "Action": "${action}", "Resource": "*"}`;
    const policy = (actions: readonly string[]) => `{"Version": "2012-10-17", "Statement": [${actions.map(statement).join(', ')}]}`;
    const uri = 'file:///work/probe.iam.json';
    const analyze = (version: number, text: string, at = uri) =>
      service.analyze(service.parse(TextDocument.create(at, 'iam-policy', version, text), defaultSettings), { settings: defaultSettings }).problems.filter((p) => p.ruleId === 'probe');
    const actions = ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage', 'iam:CreateUser', 'sns:Publish'];
    assert.equal(analyze(1, policy(actions)).length, 1);
    assert.deepEqual(checked.at(-1), [0, 1, 2, 3, 4]);
    const typed = actions.map((a) => (a === 's3:PutObject' ? 's3:PutObjectx' : a));
    assert.equal(analyze(2, policy(typed)).length, 1);
    assert.deepEqual(checked.at(-1), [1, 3], 'the edited statement and the one with a finding');
    // A pasted statement moves the others along: still only the new one is checked, with the one with a finding.
    const pasted = [...typed.slice(0, 2), 'ec2:RunInstances', ...typed.slice(2)];
    assert.equal(analyze(3, policy(pasted)).length, 1);
    assert.deepEqual(checked.at(-1), [2, 4]);
    // Another document is not compared with this one's record.
    analyze(1, policy(pasted), 'file:///work/other.iam.json');
    assert.deepEqual(checked.at(-1), [0, 1, 2, 3, 4, 5]);
    // A closed document's record is dropped: opened again, it is checked whole.
    service.forget(uri);
    analyze(4, policy(pasted));
    assert.deepEqual(checked.at(-1), [0, 1, 2, 3, 4, 5]);
    // A change outside the statements re-checks them all.
    analyze(5, policy(pasted).replace('2012-10-17', '2008-10-17'));
    assert.deepEqual(checked.at(-1), [0, 1, 2, 3, 4, 5]);
  });
});
