/**
 * End to end, in a real VS Code (code-server) with the packaged VSIX installed: what a user sees. Each step saves a
 * screenshot into out/e2e-screenshots/. Requires: npm run package (dist/iam-policy-lint.vsix), Debian's chromium,
 * and code-server installed by scripts/install-code-server.sh (the suite runs it; it reuses its cache).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { repoPath } from '../support/paths';
import type { CodeServer } from './support/codeServer';
import { closeEditor, openEditor } from './support/editor';
import { Workbench } from './support/workbench';


suite('IAM policy extension in VS Code (code-server)', () => {
  let server: CodeServer;
  let workbench: Workbench;
  const read = (name: string) => readFileSync(join(server.workspace, name), 'utf8');

  before(async () => {
    ({ server, workbench } = await openEditor(repoPath('test', 'e2e', 'workspace')));
  });

  after(() => closeEditor({ server, workbench }));

  test('a policy file opens in the IAM Policy language mode', async () => {
    await workbench.openFile('admin.iam.json');
    assert.equal(await workbench.languageMode(), 'IAM Policy');
    await workbench.screenshot('01-language-mode');
  });

  test('the status bar shows the policy type', async () => {
    const item = workbench.page.locator('.statusbar-item', { hasText: /identity/i }).first();
    await item.waitFor({ timeout: 30_000 });
    await workbench.screenshot('02-status-bar-policy-type');
  });

  test('"Action": "*" on "*" shows its findings in the Problems panel', async () => {
    const rows = await workbench.problems('full-admin-access');
    await workbench.screenshot('03-problems');
    assert.ok(rows.some((row) => row.includes('full-admin-access')), rows.join('\n'));
  });

  test('typing "s3:Get shows s3:GetObject in the suggest list, and accepting it completes the string', async () => {
    await workbench.openFile('read.iam.json');
    await workbench.goToText('[]');
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.keyboard.press('ArrowLeft');
    await workbench.page.keyboard.type('"s3:Get');
    const labels = await workbench.suggestions();
    await workbench.screenshot('04-completion');
    assert.ok(labels.some((label) => label.includes('s3:Get*')), labels.join('\n'));
    // The list is virtual: narrow it until s3:GetObject is on screen, then pick it.
    await workbench.page.keyboard.type('Obj');
    const item = workbench.page.locator('.suggest-widget.visible .monaco-list-row[aria-label^="s3:GetObject,"], .suggest-widget.visible .monaco-list-row[aria-label="s3:GetObject"]').first();
    await item.waitFor();
    await workbench.screenshot('04b-completion-narrowed');
    await item.click();
    await workbench.save('s3:GetObject"');
    assert.match(read('read.iam.json'), /"Action": \["s3:GetObject"\]/);
  });

  /** Ctrl+Space between the quotes of the file's first empty string; the suggest list's labels. */
  async function suggestionsInEmptyString(file: string): Promise<string[]> {
    await workbench.openFile(file);
    await workbench.goToText('""');
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.keyboard.press('ArrowLeft');
    await workbench.page.keyboard.press('Control+Space');
    return workbench.suggestions();
  }

  test('Ctrl+Space in an empty Action string lists the most used services first (ec2, iam, s3), not a2c, a4b...', async () => {
    const labels = await suggestionsInEmptyString('services.iam.json');
    await workbench.screenshot('04c-completion-services');
    assert.deepEqual(labels.slice(0, 3).map((label) => label.split(',')[0]), ['ec2', 'iam', 's3'], labels.join('\n'));
  });

  test('Ctrl+Space in an empty Principal string offers the principal forms, account root first after "*"', async () => {
    const labels = await suggestionsInEmptyString('assume.trust.json');
    await workbench.screenshot('04d-completion-principal');
    assert.ok(labels.some((label) => label.includes(':root')), labels.join('\n'));
  });

  test('hovering an action shows its description and access level', async () => {
    await workbench.openFile('users.iam.json');
    const text = await workbench.hoverOver('CreateUser', /Grants permission to create/);
    await workbench.screenshot('05-hover');
    assert.match(text, /create a new (IAM )?user/i);
    assert.match(text, /Write/);
  });

  test('the MFA quick fix adds the MultiFactorAuthPresent condition', async () => {
    await workbench.page.keyboard.press('Escape');
    await workbench.goToText('iam:CreateUser');
    await workbench.runCommand('Quick Fix...');
    const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: /MFA|MultiFactorAuth/ }).first();
    await fix.waitFor();
    await workbench.screenshot('06-quick-fix');
    // The preferred fix is the focused first row of the menu: accept it the way a keyboard user does.
    await workbench.page.keyboard.press('Enter');
    await fix.waitFor({ state: 'hidden' });
    await workbench.save('MultiFactorAuthPresent');
    const policy = JSON.parse(read('users.iam.json'));
    assert.deepEqual(policy.Statement[0].Condition, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  });

  test('a suggestion with placeholders puts the cursor on them: Tab moves on, equal ones are typed once', async () => {
    await workbench.openFile('queues.iam.json');
    await workbench.goToText('"*"');
    await workbench.runCommand('Quick Fix...');
    const fix = workbench.page.locator('.action-widget .monaco-list-row', { hasText: 'ARN templates' }).first();
    await fix.waitFor();
    // A pointer block covers the menu while it opens: choose the row with the keyboard, as a user would.
    for (let i = 0; i < 10 && !(await fix.evaluate((row) => row.classList.contains('focused'))); i++) await workbench.page.keyboard.press('ArrowDown');
    await workbench.page.keyboard.press('Enter');
    await fix.waitFor({ state: 'hidden' });
    // The first tab stop, ${Region}, is selected in both ARNs; then ${Account}, then each name.
    await workbench.editor().locator('.view-lines', { hasText: '${QueueName}' }).waitFor();
    await workbench.screenshot('06b-placeholder-tab-stops');
    for (const [i, value] of ['us-east-1', '111122223333', 'orders', 'alerts'].entries()) {
      if (i > 0) await workbench.page.keyboard.press('Tab');
      await workbench.page.keyboard.type(value);
    }
    await workbench.page.keyboard.press('Escape');
    await workbench.save('alerts');
    // Placeholders filled in, and the lines indented as the list was (not once more by the snippet).
    assert.match(
      read('queues.iam.json'),
      /"Resource": \[\n {8}"arn:aws:sqs:us-east-1:111122223333:orders",\n {8}"arn:aws:sns:us-east-1:111122223333:alerts"\n {6}\]/,
    );
  });

  test('VS Code reports the extension\'s activation time (Running Extensions)', async () => {
    await workbench.runCommand('Developer: Show Running Extensions');
    const row = workbench.page.locator('.monaco-list-row', { hasText: 'IAM Policy Language Support' }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    await workbench.screenshot('08-running-extensions');
    const activation = /(\d+)\s*ms/.exec(text);
    assert.ok(activation, text);
    console.log(`activation time as VS Code reports it: ${activation[1]} ms`);
    await workbench.page.keyboard.press('Control+W');
  });

  test('a snippet expands into a whole policy', async () => {
    await workbench.openFile('new.iam.json');
    await workbench.page.keyboard.type('iam-policy');
    await workbench.page.keyboard.press('Control+Space');
    const labels = await workbench.suggestions();
    assert.ok(labels.length > 0);
    await workbench.page.keyboard.press('Enter');
    await workbench.page.keyboard.press('Escape');
    await workbench.save('2012-10-17');
    await workbench.screenshot('07-snippet');
    const policy = JSON.parse(read('new.iam.json'));
    assert.equal(policy.Version, '2012-10-17');
    assert.ok(Array.isArray(policy.Statement));
  });
});
