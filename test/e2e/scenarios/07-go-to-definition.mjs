// Go to definition: from the Ingress backend `service.name: web`, F12 lands on the Service's
// `metadata.name` in service.yaml (Peek Definition, Ctrl+Shift+F10, shows it first, for the picture).
export const name = 'go to definition from an Ingress backend lands on the Service';

export async function run({ closePanel, undoAll, page, openFile, gotoLine, pressKey, waitFor, activeTabTitle, statusBarItem, editorLines, screenshot, assert, log }) {
  await openFile('ingress.yaml');
  await undoAll(); // in case an earlier scenario failed half-way through an edit
  await closePanel(); // the editor gets the whole height
  await waitFor('.editor-group-container.active .squiggly-error', 90_000); // the server has analysed the file
  await gotoLine(23, 23); // backend: service: name: web

  // Peek Definition: the Service shown inline, under the backend.
  const peek = page.locator('.editor-group-container.active .peekview-widget').first();
  await pressKey('Control+Shift+F10'); // Peek Definition on Linux (Alt+F12 elsewhere)
  await peek.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => assert.fail('Peek Definition on the backend service name shows nothing'));
  const title = await waitFor(async () => { const t = (await peek.locator('.peekview-title').innerText()).trim(); return t.includes('service.yaml') && t; }, 20_000)
    .catch(async () => assert.fail(`the peek shows ${JSON.stringify(await peek.locator('.peekview-title').innerText())}, not service.yaml`));
  log(`peek: ${title.replace(/\s+/g, ' ')}`);
  await waitFor(async () => (await peek.locator('.view-line').allInnerTexts()).some((l) => l.replace(/\u00a0/g, ' ').includes('kind: Service')), 20_000);
  await screenshot('go-to-definition');
  await pressKey('Escape');
  await waitFor(async () => !(await peek.isVisible()), 10_000);

  // Go to Definition (F12) opens service.yaml on `name: web` of its metadata (line 4).
  await gotoLine(23, 23);
  await pressKey('F12');
  await waitFor(async () => (await activeTabTitle()) === 'service.yaml', 30_000)
    .catch(async () => assert.fail(`F12 on the backend service name did not open service.yaml (active tab: ${await activeTabTitle()})`));
  const pos = await waitFor(async () => { const s = await statusBarItem('status.editor.selection'); return s?.startsWith('Ln 4,') && s; }, 20_000)
    .catch(async () => assert.fail(`F12 landed at ${JSON.stringify(await statusBarItem('status.editor.selection'))}, expected line 4 (metadata.name of the Service)`));
  const lines = await editorLines();
  assert.equal(lines[3], '  name: web', 'line 4 of service.yaml is the Service name');
  log(`landed in service.yaml at ${pos}`);
}
