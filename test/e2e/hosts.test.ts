/**
 * End to end, in a real VS Code (code-server) with the packaged VSIX installed: policies inside infrastructure code.
 * For a CloudFormation template and a Terraform file, what a user sees: the finding in the Problems panel and as a
 * squiggle, a completion inside an Action value, and a quick fix whose edit leaves a file that still parses. An
 * unrelated YAML file (a CI workflow that names an IAM role) gets nothing from us. Screenshots go to
 * out/e2e-screenshots/ (hosts-*.png). Requirements as in editor.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { parseDocument } from 'yaml';
import type { HostSyntax } from '../../shared/hostFiles';
import { prepareHost, readHost } from '../../server/src/hosts/readHost';
import type { HostDocument } from '../../server/src/hosts/types';
import { repoPath } from '../support/paths';
import type { CodeServer } from './support/codeServer';
import { closeEditor, openEditor } from './support/editor';
import { Workbench } from './support/workbench';

const fixtures = repoPath('test', 'e2e', 'workspace');

/** What each scenario does to a host file: the typo it fixes, the action it replaces by completion. */
interface HostScenario {
  readonly file: string;
  readonly syntax: HostSyntax;
  readonly kind: HostDocument['kind'];
  /** The unknown action as the file writes it: the finding's range starts where the value does (at its quote). */
  readonly typoAsWritten: string;
  /** How many policies the reader finds in the file, before and after the edits. */
  readonly policies: number;
}

const scenarios: readonly HostScenario[] = [
  { file: 'template.yaml', syntax: 'yaml', kind: 'cloudformation', typoAsWritten: 's3:PutObjet', policies: 1 },
  { file: 'main.tf', syntax: 'terraform', kind: 'terraform', typoAsWritten: '"s3:PutObjet"', policies: 2 },
];

const typo = 's3:PutObjet';
const fixed = 's3:PutObject';
const replaced = 'ListBucket';
const completed = 's3:GetObject';

/** Where `text` first is in `source`, as the Problems panel writes it (1-based line and column). */
function lineAndColumn(source: string, text: string): string {
  const offset = source.indexOf(text);
  assert.ok(offset >= 0, `${text} is in the fixture`);
  const before = source.slice(0, offset).split('\n');
  return `Ln ${before.length}, Col ${before.at(-1)!.length + 1}`;
}

suite('IAM policies inside infrastructure code in VS Code (code-server)', () => {
  let server: CodeServer;
  let workbench: Workbench;
  const read = (name: string) => readFileSync(join(server.workspace, name), 'utf8');

  before(async () => {
    ({ server, workbench } = await openEditor(fixtures));
    await prepareHost('terraform');
  });

  after(() => closeEditor({ server, workbench }));

  /** The Problems panel's row of our finding at `location`, once it is there. */
  function problemRow(location: string) {
    return workbench.page.locator('.markers-panel .monaco-list-row', { hasText: 'invalid-action' }).filter({ hasText: location });
  }

  /** Moves the focus in the open quick fix menu down to the row showing `label`. */
  async function focusMenuRow(label: string): Promise<void> {
    const rows = workbench.page.locator('.action-widget .monaco-list-row.action');
    const count = await rows.count();
    for (let step = 0; step <= count; step++) {
      const focused = workbench.page.locator('.action-widget .monaco-list-row.focused');
      await focused.waitFor();
      if ((await focused.getAttribute('aria-label')) === label) return;
      await workbench.page.keyboard.press('ArrowDown');
    }
    assert.fail(`no row "${label}" in the quick fix menu`);
  }

  for (const scenario of scenarios) {
    const original = readFileSync(join(fixtures, scenario.file), 'utf8');
    const typoAt = lineAndColumn(original, scenario.typoAsWritten);

    test(`${scenario.file}: the unknown action is a finding in the Problems panel at ${typoAt}, and a squiggle with a hover`, async () => {
      await workbench.openFile(scenario.file);
      const rows = await workbench.problems(typo);
      const row = problemRow(typoAt);
      await row.first().waitFor({ timeout: 30_000 });
      const text = await row.first().innerText();
      assert.match(text, /s3:PutObjet is not an action of Amazon S3/, rows.join('\n'));
      // The same finding in the editor: a squiggle, and its message in the hover over the action.
      await workbench.editor().locator('.view-lines').click();
      await workbench.goToText(typo);
      await workbench.editor().locator('.squiggly-error').first().waitFor();
      await workbench.runCommand('Show or Focus Hover');
      await workbench.page.locator('.monaco-hover:not(.hidden)', { hasText: /PutObjet is not an action/ }).first().waitFor({ timeout: 15_000 });
      await workbench.screenshot(`hosts-${scenario.syntax}-finding`);
      await workbench.page.keyboard.press('Escape');
    });

    test(`${scenario.file}: typing s3:GetObj in an Action value offers s3:GetObject, and accepting it completes the value`, async () => {
      await workbench.openFile(scenario.file);
      await workbench.goToText(replaced); // selects it: typing replaces it
      await workbench.page.keyboard.type('GetObj');
      await workbench.page.keyboard.press('Control+Space');
      const labels = await workbench.suggestions();
      const item = workbench.page
        .locator(`.suggest-widget.visible .monaco-list-row[aria-label^="${completed},"], .suggest-widget.visible .monaco-list-row[aria-label="${completed}"]`)
        .first();
      await item.waitFor();
      await workbench.screenshot(`hosts-${scenario.syntax}-completion`);
      assert.ok(labels.some((label) => label.startsWith(completed)), labels.join('\n'));
      await item.click();
      await workbench.save(completed);
      assert.equal(read(scenario.file), original.replace(`s3:${replaced}`, completed));
    });

    test(`${scenario.file}: the quick fix "Change to s3:PutObject" applies, and the file still parses`, async () => {
      await workbench.openFile(scenario.file);
      await workbench.goToText(typo);
      await workbench.runCommand('Quick Fix...');
      const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: `Change to ${fixed}` }).first();
      await fix.waitFor();
      await workbench.screenshot(`hosts-${scenario.syntax}-quick-fix`);
      // The menu's pointer guard takes clicks while it opens: choose the fix with the keyboard, as a user would.
      await focusMenuRow(`Change to ${fixed}`);
      await workbench.page.keyboard.press('Enter');
      await fix.waitFor({ state: 'hidden' });
      await workbench.save(fixed);
      const text = read(scenario.file);
      assert.equal(text, original.replace(`s3:${replaced}`, completed).replace(typo, fixed));
      if (scenario.syntax === 'yaml') assert.deepEqual(parseDocument(text).errors, []);
      const host = readHost(scenario.syntax, text);
      assert.equal(host?.kind, scenario.kind);
      assert.deepEqual(host.syntaxErrors, []);
      assert.equal(host.policies.length, scenario.policies);
      // The finding goes with the typo.
      await workbench.runCommand('View: Focus Problems');
      await problemRow(typoAt).first().waitFor({ state: 'detached', timeout: 30_000 });
    });
  }

  test('a CI workflow that names an IAM role gets no findings and no policy type from us', async () => {
    // The status bar shows the policy type under the cursor in the template; it hides once the server has answered
    // for the workflow (the request follows the workflow's open notification), which is when the server has read it.
    await workbench.openFile('template.yaml');
    await workbench.goToText(fixed);
    const policyType = workbench.page.locator('.statusbar-item', { hasText: 'IAM:' }).first();
    await policyType.waitFor({ timeout: 30_000 });
    await workbench.openFile('ci.yml');
    await policyType.waitFor({ state: 'hidden', timeout: 30_000 });
    await workbench.runCommand('View: Focus Problems');
    await workbench.page.locator('.markers-panel').waitFor();
    const rows = await workbench.page.locator('.markers-panel .monaco-list-row').evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
    await workbench.screenshot('hosts-workflow-silent');
    assert.ok(!rows.some((row) => row.includes('ci.yml')), rows.join('\n'));
    assert.equal(await workbench.editor().locator('.squiggly-error, .squiggly-warning, .squiggly-info').count(), 0);
  });
});
