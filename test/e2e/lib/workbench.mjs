// Helpers that drive the VS Code workbench in the browser; they become the scenarios' `ctx`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { poll } from './procs.mjs';

const QUICK_INPUT = '.quick-input-widget';
// VS Code (1.139) animates the closing of a quick input: for a while (longer on a busy machine) the
// widget keeps its box, so Playwright calls it visible, with the class quick-input-widget-closing
// and the `inert` attribute; it still shows the previous input and rows. Only a widget without
// them is open. Mistaking a closing one for the one just asked for was why typed filters were
// "not applied" (command palette) and go to line timed out: no key was pressed, and the text went
// to an input that was about to disappear.
const OPEN_QUICK_INPUT = `${QUICK_INPUT}:not(.quick-input-widget-closing):not([inert])`;
const QUICK_INPUT_ROWS = `${OPEN_QUICK_INPUT} .monaco-list-row`;
const EDITOR = '.editor-group-container.active .monaco-editor';
// Where the editor takes its keyboard input: VS Code 1.139 uses an EditContext element; with
// editor.editContext off (or older versions) a textarea.inputarea. NOT textarea.ime-text-area (the
// IME helper, read-only): focusing that takes the focus away from the editor's text, and VS Code
// then cancels a scheduled code lens request, leaving the lenses drawn from its cache (titles
// without commands, <span> instead of <a>) until the text is focused again.
const EDITOR_INPUT = `${EDITOR} .native-edit-context, ${EDITOR} textarea.inputarea`;

/** A regular expression matching exactly `text`. */
const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

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

    /** Text of the rows of the open quick input (quick open, command palette, go to line...). */
    async quickInputRows() {
      return page.locator(`${QUICK_INPUT_ROWS} .label-name`).allInnerTexts();
    },

    /** The quick input as the user sees it: `shown` (has a box, even while closing), `open` (shown
     *  and not closing), `focused` (its text box has the keyboard) and `value` (the text box). */
    quickInputState: () => page.evaluate(() => {
      const w = [...document.querySelectorAll('.quick-input-widget')].find((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
      if (!w) return { shown: false, open: false, focused: false, value: '' };
      const input = w.querySelector('.quick-input-box input') ?? w.querySelector('input[type="text"]');
      const closing = w.classList.contains('quick-input-widget-closing') || !!w.closest('[inert]');
      return { shown: true, open: !closing, focused: !!input && document.activeElement === input, value: input?.value ?? '' };
    }),

    /** Waits until no quick input is shown (one that is closing finishes); with `escape`, presses
     *  Escape when one stays open. Soft: returns whether it is gone. */
    async quickInputGone(timeoutMs = 10_000, { escape = true } = {}) {
      const until = Date.now() + timeoutMs;
      let escapedAt = Date.now();
      for (;;) {
        const s = await ctx.quickInputState();
        if (!s.shown) return true;
        if (Date.now() > until) return false;
        if (escape && s.open && Date.now() - escapedAt > 1000) { await page.keyboard.press('Escape'); escapedAt = Date.now(); }
        await page.waitForTimeout(50);
      }
    },

    /** Presses key (F1, Control+P, Control+G...) until a quick input is open, not closing, with its
     *  text box focused and (if given) its value starting with `prefix` ('>' for the command
     *  palette, ':' for go to line); returns the text box. A quick input still closing from an
     *  earlier step is waited out first. The key is pressed again when nothing opens (the
     *  workbench ignores keys for a few seconds after it first appears). */
    async openQuickInput(key, options = {}) {
      const { prefix, timeoutMs = 20_000 } = typeof options === 'number' ? { timeoutMs: options } : options;
      const ready = (s) => s.open && s.focused && (!prefix || s.value.startsWith(prefix));
      const until = Date.now() + timeoutMs;
      let last;
      for (;;) {
        last = await ctx.quickInputState();
        if (ready(last)) return page.locator(`${OPEN_QUICK_INPUT} input`).first();
        if (Date.now() > until) throw new Error(`no quick input after ${key} within ${timeoutMs} ms (${JSON.stringify(last)})`);
        if (last.shown) { // another one (or one still closing): let it go first
          await ctx.quickInputGone(Math.min(10_000, Math.max(1000, until - Date.now())));
          continue;
        }
        await page.keyboard.press(key);
        const opened = Date.now() + Math.min(3000, Math.max(500, until - Date.now()));
        while (Date.now() < opened && !ready(await ctx.quickInputState())) await page.waitForTimeout(50);
      }
    },

    /** Sets the text of the open quick input (one input event, as a paste would) and checks it took. */
    async setQuickInputValue(value, timeoutMs = 5000) {
      const input = page.locator(`${OPEN_QUICK_INPUT} input`).first();
      await input.fill(value, { timeout: timeoutMs });
      const s = await ctx.quickInputState();
      return s.open && s.value === value;
    },

    /** Closes any quick input, notification toast or menu that might take the keyboard, and waits
     *  until a closing quick input is gone. */
    async dismiss() {
      for (let i = 0; i < 2; i++) await page.keyboard.press('Escape');
      await ctx.quickInputGone(10_000);
    },

    /** Quick-opens a workspace file (Ctrl+P) and waits until its editor is the active one. */
    async openFile(relPath, timeoutMs = 45_000) {
      const base = path.posix.basename(relPath);
      const abs = path.isAbsolute(relPath) ? relPath : path.join(workspace, relPath);
      const until = Date.now() + timeoutMs;
      const left = (cap) => Math.min(cap, Math.max(1000, until - Date.now()));
      await ctx.dismiss();
      for (;;) {
        // The absolute path: quick open shows that file at once, without waiting for the file
        // search (slow on a busy machine), as the first result.
        await ctx.openQuickInput('Control+P', left(timeoutMs));
        const row = page.locator(QUICK_INPUT_ROWS).filter({ has: page.locator('.label-name', { hasText: base }) }).first();
        const picked = (await ctx.setQuickInputValue(abs).catch(() => false))
          && (await row.waitFor({ state: 'visible', timeout: left(15_000) }).then(() => row.click({ timeout: left(5000) })).then(() => true, () => false));
        if (picked) break;
        if (Date.now() > until) throw new Error(`quick open did not offer ${abs} within ${timeoutMs} ms (rows: ${JSON.stringify(await ctx.quickInputRows())})`);
        log(`quick open: ${base} not picked yet (quick input: ${JSON.stringify(await ctx.quickInputState())}); again`);
        await ctx.dismiss();
      }
      await ctx.parkMouse();
      await ctx.waitFor(async () => (await ctx.activeTabTitle()) === base, left(timeoutMs));
      await ctx.waitFor('.editor-group-container.active .monaco-editor .view-lines', left(timeoutMs));
      await ctx.quickInputGone(left(10_000));
      await ctx.focusEditor(left(10_000));
    },

    /** Whether the active editor has the keyboard focus on its text (VS Code marks it `.focused`). */
    editorFocused: () => page.locator(EDITOR).first().evaluate((e) => e.classList.contains('focused')).catch(() => false),

    /** Gives the active editor's text the keyboard focus (as clicking into it would, without
     *  moving the cursor) and waits until VS Code reports it focused. */
    async focusEditor(timeoutMs = 10_000) {
      await poll(async () => {
        if (await ctx.editorFocused()) return true;
        await page.locator(EDITOR_INPUT).first().focus({ timeout: 2000 });
        return ctx.editorFocused();
      }, { timeoutMs, what: 'the active editor to have the keyboard focus' });
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

    /** Moves the cursor with Go to Line/Column (Ctrl+G); checks the status bar shows the position,
     *  and goes through it again if it does not (a busy machine can drop a step). */
    async gotoLine(line, col = 1, timeoutMs = 45_000) {
      const want = `Ln ${line}, Col ${col}`;
      const at = async () => (await ctx.statusBarItem('status.editor.selection'))?.startsWith(want);
      const until = Date.now() + timeoutMs;
      const left = (cap) => Math.min(cap, Math.max(1000, until - Date.now()));
      for (;;) {
        await ctx.quickInputGone(left(10_000));
        await ctx.focusEditor(left(5000)).catch(() => {}); // Go to Line acts on the focused editor
        await ctx.openQuickInput('Control+G', { prefix: ':', timeoutMs: left(20_000) });
        if (await ctx.setQuickInputValue(`:${line}:${col}`).catch(() => false)) {
          // The pick reads "Go to line L, column C." once the input is handled; then Enter.
          const target = new RegExp(`\\bline ${line}\\b`);
          const shown = await poll(async () => (await page.locator(QUICK_INPUT_ROWS).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).some((t) => target.test(t)),
            { timeoutMs: left(5000), what: `go to line ${line} row` }).catch(() => false);
          const s = await ctx.quickInputState();
          if (shown && s.open && s.focused) {
            await page.keyboard.press('Enter');
            if (await ctx.waitFor(at, left(5000)).then(() => true, () => false)) {
              await ctx.quickInputGone(left(10_000));
              return;
            }
          }
        }
        const now = await ctx.statusBarItem('status.editor.selection');
        if (Date.now() > until) throw new Error(`could not go to ${want} within ${timeoutMs} ms (status bar: ${now})`);
        log(`go to line: not at ${want} yet (status bar: ${now}, quick input: ${JSON.stringify(await ctx.quickInputState())}); again`);
        await ctx.dismiss();
      }
    },

    /** Opens the command palette (F1) on `title` and waits until a row reads exactly that; returns
     *  the row, or undefined (palette left open) when none does within timeoutMs. The filter is set
     *  only once the palette is open and focused, then the rows are checked to be those of that
     *  filter (a palette that closed or lost the text is opened again). */
    async findCommand(title, timeoutMs = 30_000) {
      const want = `>${title}`;
      const until = Date.now() + timeoutMs;
      const left = (cap) => Math.min(cap, Math.max(1000, until - Date.now()));
      const rows = page.locator(QUICK_INPUT_ROWS);
      for (;;) {
        if (!(await ctx.openQuickInput('F1', { prefix: '>', timeoutMs: left(timeoutMs) }).then(() => true, () => false))) return undefined;
        if (await ctx.setQuickInputValue(want).catch(() => false)) {
          const row = await poll(async () => {
            const s = await ctx.quickInputState();
            if (!s.open || s.value !== want) return 'lost';
            const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent.trim()));
            return labels.includes(title) && rows.filter({ has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
          }, { timeoutMs: left(10_000), what: `palette row "${title}"` }).catch(() => undefined);
          if (row && row !== 'lost') return row;
        }
        if (Date.now() > until) return undefined;
        log(`palette: no row "${title}" yet (quick input: ${JSON.stringify(await ctx.quickInputState())}); again`);
        await ctx.dismiss();
      }
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
      if (!(await ctx.quickInputGone(timeoutMs, { escape: false }))) throw new Error(`the palette did not close after choosing "${title}"`);
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
