/**
 * Every finding (message, range, fix and suggestions) on the 50 AWS managed policies of test/fixtures/managed-sample,
 * against a record made before the engine's speed-ups (rule runner, action expansion, ARN matching, memos): those
 * must change how fast, never what. A deliberate change of findings updates the record:
 * IAM_UPDATE_FINDINGS=1 node --test out/unit/rules/managedSampleFindings.test.mjs
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPolicyService } from '../../server/src/service';
import { defaultSettings } from '../../shared/settings';
import { repoPath } from '../support/paths';

const folder = repoPath('test/fixtures/managed-sample');
const recordFile = repoPath('test/fixtures/managed-sample-findings.json');

suite('findings on the managed-policy sample', () => {
  test('are those recorded', () => {
    const service = createPolicyService();
    const found: Record<string, unknown> = {};
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      const text = readFileSync(`${folder}/${name}`, 'utf8');
      const model = service.parse(TextDocument.create(`file:///managed/${name}`, 'iam-policy', 1, text), defaultSettings);
      // JSON round trip: the record holds what a client would see (suggestions built, undefined fixes left out).
      found[name] = JSON.parse(JSON.stringify(service.analyze(model, { settings: defaultSettings, policyType: 'identity' }).problems));
    }
    if (process.env.IAM_UPDATE_FINDINGS) writeFileSync(recordFile, `${JSON.stringify(found, null, 1)}\n`);
    const recorded = JSON.parse(readFileSync(recordFile, 'utf8')) as Record<string, unknown>;
    const hint = 'if this change of findings is deliberate (or the IAM data moved), rerun with IAM_UPDATE_FINDINGS=1 and review the diff of test/fixtures/managed-sample-findings.json';
    for (const name of Object.keys({ ...recorded, ...found })) assert.deepEqual(found[name], recorded[name], `${name}: ${hint}`);
  });
});
