// Diagnostics: the unquoted `15` in ingress.yaml is squiggled in the editor and listed in the
// Problems panel with the rule id as its code (a link to the rule's documentation).
export const name = 'diagnostics in the editor and the Problems panel';

const RULE = 'annotation-value-not-string';

export async function run({ undoAll, page, openFile, gotoLine, waitFor, problemsRows, closePanel, pressKey, screenshot, assert, log }) {
  await openFile('ingress.yaml');
  await undoAll(); // in case an earlier scenario failed half-way through an edit
  await waitFor('.editor-group-container.active .squiggly-error', 90_000);

  // The Problems panel (Ctrl+Shift+M) lists the finding with its source and rule code.
  await pressKey('Control+Shift+M');
  const row = await waitFor(async () => (await problemsRows()).find((t) => t.includes(RULE)), 60_000)
    .catch(async () => assert.fail(`no "${RULE}" row in the Problems panel (rows: ${JSON.stringify(await problemsRows())})`));
  log(`Problems panel: ${row}`);
  assert.match(row, /eksnet/, 'the row names the source');
  assert.match(row, /must be strings/, 'the row shows the message');
  assert.match(row, /Ln 13, Col 61/, 'the row points at the value on line 13');
  const code = page.locator('.markers-panel .monaco-list-row a').filter({ hasText: RULE });
  assert.ok(await code.count(), `the rule code "${RULE}" is a link in the Problems panel`);

  // F8 (Go to Next Problem) shows the finding inline, under its line, with the rule code.
  await gotoLine(1, 1);
  await pressKey('F8');
  const marker = page.locator('.editor-group-container.active .marker-widget').first();
  const inline = await waitFor(async () => (await marker.isVisible()) && (await marker.innerText()).includes(RULE) && marker.innerText(), 30_000)
    .catch(async () => assert.fail(`F8 shows no inline ${RULE} finding (${JSON.stringify(await marker.innerText().catch(() => ''))})`));
  log(`inline: ${inline.replace(/\s+/g, ' ').slice(0, 160)}`);
  await screenshot('diagnostics-problems');
  await pressKey('Escape');
  await closePanel();
}
