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

    /** Saves the page as `<screenshotDir>/<name>.png`. Notification toasts (unrelated to what is
     *  shown, e.g. a tip from the workbench) are hidden while it is taken, without dismissing
     *  them: dismissing would also close the hover or menu being photographed. */
    async screenshot(name) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, style: '.notifications-toasts { display: none !important; }' });
      log(`screenshot: ${file}`);
      return file;
    },

    /** Rows of the Problems panel as text (opens it with Ctrl+Shift+M if needed). */
    async problemsRows() {
      const rows = page.locator('.markers-panel .monaco-list-row');
      if (!(await page.locator('.markers-panel').first().isVisible())) await page.keyboard.press('Control+Shift+M');
      return rows.evaluateAll((els) => els.map((e) => e.textContent.replace(/\u00a0/g, ' ')));
    },

    /** Text of the visible hover widget, or undefined. */
    async hoverText() {
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      return (await hover.isVisible().catch(() => false)) ? hover.innerText() : undefined;
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
      // The absolute path, as one input event: quick open shows that file at once, without waiting
      // for the file search (slow on a busy machine), and accepts it as the first result.
      await page.keyboard.insertText(path.isAbsolute(relPath) ? relPath : path.join(workspace, relPath));
      const row = page.locator(QUICK_INPUT_ROWS).filter({ has: page.locator('.label-name', { hasText: base }) }).first();
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      await row.click();
      await ctx.parkMouse();
      await ctx.waitFor(async () => (await ctx.activeTabTitle()) === base, timeoutMs);
      await ctx.waitFor('.editor-group-container.active .monaco-editor .view-lines', timeoutMs);
      await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
    },

    /** Title of the active editor tab, or undefined. */
    async activeTabTitle() {
      const tab = page.locator('.editor-group-container.active .tab.active').first();
      return (await tab.count()) ? tab.getAttribute('data-resource-name') : undefined;
    },

    /** Whether the active editor has unsaved changes (its tab shows the dirty dot). */
    async activeTabDirty() {
      return (await page.locator('.editor-group-container.active .tab.active.dirty').count()) > 0;
    },

    /** Undoes the active editor's changes (Ctrl+Z) until it is back to the saved text. */
    async undoAll() {
      await ctx.undoUntil(async () => !(await ctx.activeTabDirty()));
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
    async gotoLine(line, col = 1, timeoutMs = 30_000) {
      // Ctrl+G, then the position set with fill() (typed keys can land before the input is ready);
      // tried again until the status bar shows the position, as a busy machine drops the odd step.
      const at = async () => (await ctx.statusBarItem('status.editor.selection'))?.startsWith(`Ln ${line}, Col ${col}`);
      const until = Date.now() + timeoutMs;
      for (;;) {
        await ctx.dismiss();
        await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus().catch(() => {});
        await ctx.openQuickInput('Control+G', Math.max(1000, until - Date.now()));
        await page.locator(`${QUICK_INPUT} input`).first().fill(`:${line}:${col}`);
        await page.keyboard.press('Enter');
        const ok = await ctx.waitFor(at, Math.min(5_000, Math.max(500, until - Date.now()))).then(() => true, () => false);
        if (ok) return;
        if (Date.now() >= until) throw new Error(`could not go to Ln ${line}, Col ${col} (status bar: ${await ctx.statusBarItem('status.editor.selection')})`);
      }
    },

    /** Opens the command palette (F1) on `title` and waits until a row reads exactly that; returns
     *  the row, or undefined (palette left open) when none does within timeoutMs. The input is set
     *  with fill(), not typed: on a busy machine typed characters can land before it is ready. */
    async findCommand(title, timeoutMs = 30_000) {
      await ctx.dismiss();
      await ctx.openQuickInput('F1', timeoutMs);
      const input = page.locator(`${QUICK_INPUT} input`).first();
      const rows = page.locator(QUICK_INPUT_ROWS);
      return poll(async () => {
        if ((await input.inputValue()) !== `>${title}`) await input.fill(`>${title}`);
        const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent.trim()));
        const i = labels.indexOf(title);
        return i >= 0 && rows.nth(i);
      }, { timeoutMs, what: `palette row "${title}"` }).catch(() => undefined);
    },

    /** Runs a command by its full palette title, e.g. 'EKS Networking: Show Output' (F1). */
    async runCommand(title, timeoutMs = 30_000) {
      const row = await ctx.findCommand(title, timeoutMs);
      if (!row) {
        const rows = await ctx.quickInputRows();
        await ctx.dismiss();
        throw new Error(`command "${title}" not found in the palette; it offered: ${JSON.stringify(rows.slice(0, 8))}`);
      }
      await row.click();
      await ctx.parkMouse();
      await ctx.waitFor(async () => !(await page.locator(QUICK_INPUT).first().isVisible()), timeoutMs);
    },

    /** Moves the mouse to an empty spot of the activity bar, where it shows no tooltip or hover. */
    parkMouse: () => page.mouse.move(24, page.viewportSize().height - 250),

    /** Hides the panel (Problems, Output...) if it is open, so the editor gets the whole height. */
    async closePanel() {
      const panel = page.locator('.part.panel').first();
      if (await panel.isVisible()) await ctx.runCommand('View: Hide Panel');
      await ctx.waitFor(async () => !(await panel.isVisible()), 10_000);
    },

    /** Undoes (Ctrl+Z in the active editor) until done(ctx) is truthy; for putting a file back. */
    async undoUntil(done, max = 40) {
      for (let i = 0; i < max; i++) {
        if (await done(ctx)) return;
        await page.keyboard.press('Control+Z');
        await page.waitForTimeout(100); // let the editor render the undone state before looking again
      }
      if (!(await done(ctx))) throw new Error(`still not back to the original text after ${max} undos`);
    },
  };
  return ctx;
}
