/**
 * End to end, in a real VS Code (code-server): the access commands (#17). "Check access…" asks for an action, a
 * resource, a principal and context keys, then says the decision and marks the deciding statement; "Compare with
 * committed version" reads the file as committed with git and reports what the edited policy allows that it did not.
 * Screenshots go to out/e2e-screenshots/.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, suite, test } from 'node:test';
import { repoPath } from '../support/paths';
import type { CodeServer } from './support/codeServer';
import { closeEditor, openEditor } from './support/editor';
import { Workbench } from './support/workbench';


suite('IAM policy access commands in VS Code (code-server)', () => {
  let server: CodeServer;
  let workbench: Workbench;

  before(async () => {
    // The workspace copy becomes a repository whose HEAD holds the files as they are.
    ({ server, workbench } = await openEditor(repoPath('test', 'e2e', 'workspace'), (workspace) => {
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd: workspace, stdio: 'pipe' });
      git('init', '--quiet');
      git('add', '.');
      git('commit', '--quiet', '-m', 'policies');
    }));
  });

  after(() => closeEditor({ server, workbench }));

  const quickInput = () => workbench.page.locator('.quick-input-widget input');

  /** Answers the next input box (a quick pick or an input box) with `text`. */
  async function answer(title: RegExp, text: string): Promise<void> {
    await workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
    await quickInput().fill(text);
    await workbench.page.keyboard.press('Enter');
  }

  async function checkAccess(action: string, resource: string): Promise<void> {
    await workbench.runCommand('IAM Policy: Check access…');
    // The action list comes from the catalogue: wait for the typed action to be the one the list shows first.
    await workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: /Check access: action/ }).waitFor({ timeout: 30_000 });
    await quickInput().fill(action);
    await workbench.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: action }).first().waitFor();
    await workbench.page.keyboard.press('Enter');
    await answer(/Check access: resource/, resource);
    await answer(/principal/, '');
    await workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: /Context for/ }).waitFor();
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Evaluate' }).first().click();
  }

  test('"Check access…" allows what a statement grants and marks that statement', async () => {
    await workbench.openFile('queues.iam.json');
    await checkAccess('sqs:SendMessage', 'arn:aws:sqs:us-east-1:111122223333:orders');
    const toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: /Allowed: sqs:SendMessage/ }).first();
    await toast.waitFor({ timeout: 30_000 });
    assert.match(await toast.innerText(), /SendOrders/);
    await workbench.screenshot('20-check-access-allowed');
  });

  test('"Check access…" says an action no statement grants is implicitly denied', async () => {
    await workbench.page.keyboard.press('Escape');
    await checkAccess('sqs:DeleteQueue', 'arn:aws:sqs:us-east-1:111122223333:orders');
    const toast = workbench.page.locator('.notifications-toasts .notification-toast', { hasText: /Denied \(no statement allows it\): sqs:DeleteQueue/ }).first();
    await toast.waitFor({ timeout: 30_000 });
    await workbench.screenshot('21-check-access-denied');
  });

  test('"Compare with committed version" reports an action the edit adds as new access', async () => {
    await workbench.openFile('queues.iam.json');
    await workbench.goToText('"sns:Publish"');
    await workbench.page.keyboard.press('ArrowRight');
    await workbench.page.keyboard.type(', "sqs:DeleteQueue"');
    await workbench.editor().locator('.view-lines', { hasText: 'sqs:DeleteQueue' }).waitFor();
    await workbench.runCommand('IAM Policy: Compare with committed version');
    // The report opens in the Markdown preview, a webview beside the policy.
    const preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('body', { hasText: 'sqs:DeleteQueue' }).first().waitFor({ timeout: 30_000 });
    await workbench.screenshot('22-compare-with-committed');
    const problems = await workbench.problems('compared with HEAD');
    assert.ok(problems.some((row) => row.includes('sqs:DeleteQueue')), problems.join('\n'));
  });
});
