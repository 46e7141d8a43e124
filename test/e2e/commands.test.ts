/**
 * End to end, in a real VS Code (code-server): the commands of the command palette. "Show the actions this policy
 * allows" opens a rendered listing, and "Choose policy type" asks where to keep the choice and leaves nothing empty
 * behind when the choice goes back to "Detect automatically". Screenshots go to out/e2e-screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { repoPath } from '../support/paths';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { Workbench } from './support/workbench';

const screenshots = repoPath('out', 'e2e-screenshots');

suite('IAM policy commands in VS Code (code-server)', () => {
  let server: CodeServer;
  let workbench: Workbench;
  const path = (name: string) => join(server.workspace, name);

  before(async () => {
    server = await startCodeServer(repoPath('dist', 'iam-policy-lint.vsix'), repoPath('test', 'e2e', 'workspace'));
    workbench = await Workbench.open(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`, screenshots);
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
  });

  test('"Show the actions this policy allows" shows the listing rendered, grouped by service and access level', async () => {
    await workbench.openFile('reports.iam.json');
    await workbench.runCommand('IAM Policy: Show the actions this policy allows');
    // The Markdown preview renders into a webview: its frames hold the headings, not the editor's text lines.
    const heading = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('h2, h3', { hasText: /Amazon S3|s3/ }).first();
    await heading.waitFor({ timeout: 30_000 });
    await workbench.screenshot('09-actions-listing');
    const tab = workbench.page.locator('.tab.active');
    assert.match(await tab.innerText(), /Preview/);
  });

  test('"Choose policy type" asks where to keep the choice, and keeps it in .iampolicy.json', async () => {
    await workbench.page.keyboard.press('Control+W'); // the preview
    await workbench.openFile('deploy.iam.json');
    await workbench.runCommand('IAM Policy: Choose policy type for this document');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Permissions boundary' }).first().click();
    const where = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: '.iampolicy.json' }).first();
    await where.waitFor();
    await workbench.screenshot('10-policy-type-where');
    await where.click();
    const item = workbench.page.locator('.statusbar-item', { hasText: /boundary/i }).first();
    await item.waitFor({ timeout: 30_000 });
    await workbench.screenshot('10b-policy-type-kept');
    assert.deepEqual(JSON.parse(readFileSync(path('.iampolicy.json'), 'utf8')), { policyTypes: { '/deploy.iam.json': 'permissions-boundary' } });
    assert.equal(existsSync(path('.vscode')), false);
  });

  test('"Detect automatically" removes the entry and the file it emptied', async () => {
    await workbench.runCommand('IAM Policy: Choose policy type for this document');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Detect automatically' }).first().click();
    const item = workbench.page.locator('.statusbar-item', { hasText: /identity/i }).first();
    await item.waitFor({ timeout: 30_000 });
    await workbench.screenshot('11-policy-type-automatic');
    assert.equal(existsSync(path('.iampolicy.json')), false);
    assert.equal(existsSync(path('.vscode')), false);
  });

  test('workspace settings keep the choice too, and "Detect automatically" leaves no empty settings file', async () => {
    await workbench.runCommand('IAM Policy: Choose policy type for this document');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Session policy' }).first().click();
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Workspace settings' }).first().click();
    await workbench.page.locator('.statusbar-item', { hasText: /session/i }).first().waitFor({ timeout: 30_000 });
    const settings = JSON.parse(readFileSync(path('.vscode/settings.json'), 'utf8'));
    assert.deepEqual(settings['iamPolicy.policyTypes'], { '**/deploy.iam.json': 'session' });
    await workbench.runCommand('IAM Policy: Choose policy type for this document');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Detect automatically' }).first().click();
    await workbench.page.locator('.statusbar-item', { hasText: /identity/i }).first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('11b-settings-removed');
    assert.equal(existsSync(path('.vscode/settings.json')), false);
  });
});
