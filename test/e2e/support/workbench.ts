/**
 * Drives the VS Code workbench in Chromium the way a user does: quick open, typing, the suggest widget, hovers,
 * the Problems panel, quick fixes. Every wait is for something the page shows.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  static async open(url: string, screenshots: string): Promise<Workbench> {
    mkdirSync(screenshots, { recursive: true });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the window has connected to the server and loaded the folder.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(browser, page, screenshots);
  }

  async screenshot(name: string): Promise<string> {
    const file = join(this.screenshots, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async runCommand(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${label}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a workspace file through Quick Open and waits for its editor tab to be active. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Escape'); // close whatever widget a previous step left open
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // Quick Open first lists the recently opened files with the current one focused: wait until the filtered list
    // focuses this file, or Enter opens the previous one.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor();
    await this.editor().locator('.view-lines').click();
  }

  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  statusBarItem(id: string): Locator {
    return this.page.locator(`[id="${id}"]`);
  }

  async languageMode(): Promise<string> {
    const item = this.page.locator('#status\\.editor\\.mode');
    await item.waitFor();
    return (await item.innerText()).trim();
  }

  /**
   * Gives the active editor the keyboard focus, leaving its cursor where it is. A click or a closing widget can leave
   * the focus elsewhere (the Problems panel, say) on a busy machine, and a key meant for the editor then goes there.
   */
  async focusEditor(): Promise<void> {
    const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused').first();
    if (await focused.isVisible()) return;
    await this.runCommand('View: Focus Active Editor Group');
    await focused.waitFor();
  }

  /** Puts the cursor on the next occurrence of `text` after the cursor (via Find), leaving the editor focused. */
  async goToText(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor();
    await find.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  async suggestions(): Promise<string[]> {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    await rows.first().waitFor();
    return rows.evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
  }

  /** Hovers over `text` and waits for a hover showing `expected` (a diagnostic's hover may come first). */
  async hoverOver(text: string, expected: RegExp): Promise<string> {
    // The grammar splits an action into several tokens: hover over the innermost span holding this part of it.
    const token = this.editor().locator('.view-line span span', { hasText: text }).last();
    await token.hover();
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
    await hover.waitFor({ timeout: 15_000 });
    return hover.innerText();
  }


  /** Focuses the Problems panel and waits until a row shows `expected` (diagnostics arrive after a debounce). */
  async problems(expected: string): Promise<string[]> {
    await this.runCommand('View: Focus Problems');
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: expected }).first().waitFor({ timeout: 30_000 });
    return rows.evaluateAll((elements) => elements.map((e) => e.textContent ?? ''));
  }

  /**
   * Saves the active editor once it shows `expected`, the text an edit just made. Accepting a completion, a snippet or
   * a quick fix closes its widget before the edit lands when the machine is busy; saving then would save without it.
   */
  async save(expected: string): Promise<void> {
    await this.editor().locator('.view-lines', { hasText: expected }).waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
