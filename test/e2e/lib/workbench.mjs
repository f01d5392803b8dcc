// Helpers that drive the VS Code workbench in the browser; they become the scenarios' `ctx`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { poll } from './procs.mjs';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROWS = `${QUICK_INPUT} .monaco-list-row`;

export function makeContext({ page, workspace, screenshotDir, log, ...extra }) {
  const ctx = {
    ...extra,
    page,
    workspace,
    assert,
    log,

    /** Waits for a CSS selector to be visible, or for fn() (sync or async) to return a truthy value. */
    async waitFor(target, timeoutMs = 30_000) {
      if (typeof target === 'string') {
        return page.locator(target).first().waitFor({ state: 'visible', timeout: timeoutMs });
      }
      return poll(() => target(ctx), { timeoutMs, what: target.name || String(target).slice(0, 80) });
    },

    /** Real key presses, one per character (what completion and auto-indent react to). */
    typeText: (text, delay = 5) => page.keyboard.type(text, { delay }),
    /** The whole text as one input event (fast; for search boxes and the like). */
    insertText: (text) => page.keyboard.insertText(text),
    pressKey: (key) => page.keyboard.press(key),

    async screenshot(name) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file });
      log(`screenshot: ${file}`);
      return file;
    },

    /** Text of the visible quick-input rows (quick open, command palette, go to line...). */
    async quickInputRows() {
      return page.locator(`${QUICK_INPUT_ROWS} .label-name`).allInnerTexts();
    },

    /** Presses key (F1, Control+P, Control+G...) until the quick input shows; the workbench
     *  ignores keys for a few seconds after it first appears, so one press is not enough. */
    async openQuickInput(key, timeoutMs = 20_000) {
      const input = page.locator(`${QUICK_INPUT} input`).first();
      await poll(async () => {
        if (await input.isVisible()) return true;
        await page.keyboard.press(key);
        return input.waitFor({ state: 'visible', timeout: 1500 }).then(() => true, () => false);
      }, { timeoutMs, what: `quick input after ${key}` });
    },

    /** Closes any quick input, notification toast or menu that might take the keyboard. */
    async dismiss() {
      for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
    },

    /** Quick-opens a workspace file (Ctrl+P) and waits until its editor is the active one. */
    async openFile(relPath, timeoutMs = 45_000) {
      const base = path.posix.basename(relPath);
      await ctx.dismiss();
      await ctx.openQuickInput('Control+P', timeoutMs);
      await page.keyboard.insertText(relPath); // one input event: quick even on a busy machine
      // Wait until the file is among the results (file search is asynchronous), then accept the first.
      await ctx.waitFor(async () => (await ctx.quickInputRows()).some((t) => t.includes(base)), timeoutMs);
      await page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await ctx.activeTabTitle()) === base, timeoutMs);
      await ctx.waitFor('.editor-group-container.active .monaco-editor .view-lines', timeoutMs);
      await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    },

    /** Title of the active editor tab, or undefined. */
    async activeTabTitle() {
      const tab = page.locator('.editor-group-container.active .tab.active').first();
      return (await tab.count()) ? tab.getAttribute('data-resource-name') : undefined;
    },

    /** Text of the status bar item with the given id, e.g. 'status.editor.mode' (language). */
    async statusBarItem(id) {
      const item = page.locator(`.statusbar [id="${id}"]`).first();
      return (await item.count()) ? (await item.innerText()).trim() : undefined;
    },

    /** Visible lines of the active editor, top to bottom (Monaco renders only what is on screen). */
    async editorLines() {
      const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line');
      const items = await lines.evaluateAll((els) => els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent.replace(/\u00a0/g, ' ') })));
      return items.sort((a, b) => a.top - b.top).map((l) => l.text);
    },

    /** Moves the cursor with Go to Line/Column (Ctrl+G); checks the status bar shows the position. */
    async gotoLine(line, col = 1, timeoutMs = 20_000) {
      await ctx.dismiss();
      await ctx.openQuickInput('Control+G', timeoutMs);
      await page.keyboard.insertText(`${line}:${col}`);
      await page.keyboard.press('Enter');
      await ctx.waitFor(async () => (await ctx.statusBarItem('status.editor.selection'))?.startsWith(`Ln ${line}, Col ${col}`), timeoutMs);
    },

    /** Runs a command by its full palette title, e.g. 'EKS Networking: Show Output' (F1). */
    async runCommand(title, timeoutMs = 30_000) {
      await ctx.dismiss();
      await ctx.openQuickInput('F1', timeoutMs);
      await page.keyboard.insertText(title);
      let index = -1;
      try {
        await ctx.waitFor(async () => {
          index = (await ctx.quickInputRows()).findIndex((t) => t.trim() === title);
          return index >= 0;
        }, timeoutMs);
      } catch {
        const rows = await ctx.quickInputRows();
        await ctx.dismiss();
        throw new Error(`command "${title}" not found in the palette; it offered: ${JSON.stringify(rows.slice(0, 8))}`);
      }
      await page.locator(QUICK_INPUT_ROWS).nth(index).click();
      await ctx.waitFor(async () => !(await page.locator(QUICK_INPUT).first().isVisible()), timeoutMs);
    },
  };
  return ctx;
}
