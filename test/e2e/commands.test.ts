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
import type { CodeServer } from './support/codeServer';
import { closeEditor, openEditor } from './support/editor';
import { Workbench } from './support/workbench';


suite('IAM policy commands in VS Code (code-server)', () => {
  let server: CodeServer;
  let workbench: Workbench;
  const path = (name: string) => join(server.workspace, name);

  before(async () => {
    ({ server, workbench } = await openEditor(repoPath('test', 'e2e', 'workspace')));
  });

  after(() => closeEditor({ server, workbench }));

  test('"Show the actions this policy allows" shows the listing rendered, grouped by service and access level', async () => {
    await workbench.openFile('reports.iam.json');
    await workbench.runCommand('IAM Policy: Show the actions this policy allows');
    // The Markdown preview renders into a webview: its frames hold the headings, not the editor's text lines.
    const preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const heading = preview.locator('h3', { hasText: 's3: Amazon S3' }).first();
    await heading.waitFor({ timeout: 30_000 });
    await preview.locator('li', { hasText: 'sqs:GetQueueUrl' }).first().waitFor();
    await workbench.screenshot('09-actions-listing');
    const tab = workbench.page.locator('.tab[aria-label^="Preview reports.iam.json actions.md"]');
    assert.equal(await tab.count(), 1);
    // The listing follows edits of the policy.
    await workbench.page.locator('.tab[data-resource-name="reports.iam.json"]').click();
    await workbench.goToText('"sns:Publish", ');
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.keyboard.type('"sns:Subscribe');
    await workbench.page.keyboard.press('Escape');
    await workbench.page.keyboard.type('", ');
    await preview.locator('li', { hasText: 'sns:Subscribe' }).first().waitFor({ timeout: 30_000 });
    await workbench.save('sns:Subscribe');
    await tab.click();
    await workbench.page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached' });
  });

  test('"Choose policy type" asks where to keep the choice, and keeps it in .iampolicy.json', async () => {
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
    // Quick Open has not indexed the new file yet: open it from the explorer.
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: '.iampolicy.json' }).click();
    await workbench.page.locator('.tab.active[data-resource-name=".iampolicy.json"]').waitFor();
    await workbench.editor().locator('.view-lines', { hasText: 'permissions-boundary' }).waitFor();
    await workbench.screenshot('10c-policy-type-in-config');
    await workbench.openFile('deploy.iam.json');
    assert.deepEqual(JSON.parse(readFileSync(path('.iampolicy.json'), 'utf8')), { policyTypes: { './deploy.iam.json': 'permissions-boundary' } });
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
