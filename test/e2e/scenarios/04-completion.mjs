// Completion: typing `alb.ingress.kubernetes.io/` as a new annotation key of the Ingress opens the
// catalogue of AWS Load Balancer Controller annotations, each with its type and documentation.
export const name = 'completion of alb.ingress.kubernetes.io/ annotation keys';

const PREFIX = 'alb.ingress.kubernetes.io/';

export async function run({ closePanel, page, openFile, gotoLine, typeText, pressKey, waitFor, undoAll, editorLines, screenshot, assert, log }) {
  await openFile('ingress.yaml');
  await undoAll(); // in case an earlier scenario failed half-way through an edit
  await closePanel(); // the editor gets the whole height
  await waitFor('.editor-group-container.active .squiggly-error', 90_000); // the server has analysed the file
  await gotoLine(11, 1); // alb.ingress.kubernetes.io/healthcheck-path: /healthz
  await pressKey('End');
  await pressKey('Enter'); // auto-indent keeps the annotations' indentation
  await typeText(PREFIX); // '/' triggers completion

  const widget = '.editor-group-container.active .suggest-widget.visible';
  const labels = () => page.locator(`${widget} .monaco-list-row .label-name`).allInnerTexts();
  let rows = await waitFor(async () => { const l = await labels(); return l.length >= 5 && l; }, 30_000).catch(() => undefined);
  if (!rows) { // not opened by the trigger character (slow server?): ask explicitly, like a user would
    await pressKey('Control+Space');
    rows = await waitFor(async () => { const l = await labels(); return l.length >= 5 && l; }, 60_000)
      .catch(async () => assert.fail(`no completion list after "${PREFIX}" (rows: ${JSON.stringify(await labels())})`));
  }
  log(`completion shows ${rows.length} rows, first: ${rows.slice(0, 4).join(', ')}`);
  assert.ok(rows.every((l) => l.startsWith(PREFIX)), `every row is an ${PREFIX} key: ${JSON.stringify(rows)}`);
  assert.ok(!rows.includes(`${PREFIX}healthcheck-path`), 'keys already present in the annotations are not offered again');

  // The details pane shows the focused key's documentation (Ctrl+Space toggles it).
  const details = page.locator('.editor-group-container.active .suggest-details-container .suggest-details');
  const docs = async () => ((await details.isVisible()) ? (await details.innerText()).trim() : '');
  if (!(await docs())) await pressKey('Control+Space');
  const text = await waitFor(async () => { const t = await docs(); return t.length > 40 && t; }, 20_000)
    .catch(async () => assert.fail(`no documentation next to the completion list (shows ${JSON.stringify(await docs())})`));
  log(`details: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
  await screenshot('completion');

  // Accepting inserts the key; then undo puts the file back as it was on disk.
  const focused = (await page.locator(`${widget} .monaco-list-row.focused .label-name`).first().innerText()).trim();
  await pressKey('Enter');
  await waitFor(async () => (await editorLines()).some((l) => l.trim().startsWith(`${focused}:`)), 20_000)
    .catch(async () => assert.fail(`accepting "${focused}" did not insert "${focused}:" (lines: ${JSON.stringify(await editorLines())})`));
  log(`accepted ${focused}`);
  await pressKey('Escape');
  await undoAll();
  assert.equal((await editorLines()).filter((l) => l.includes(PREFIX)).length, 5, 'undo restored the annotations');
}
