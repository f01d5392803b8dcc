// Code lens: above the Service's `selector` a lens says which workloads it selects; clicking it
// shows them (the Deployment in deployment.yaml) in a peek.
// When a file is shown again, VS Code first draws the lenses it cached from its last answer for that
// file: titles only, without their commands (a <span>, not a link). The real lenses replace them
// once VS Code's request for them, debounced and cancelled whenever the editor text loses the focus
// (rescheduled when it gets it back), is answered. So the lens is awaited as a link, with the
// editor's text focused.
export const name = 'code lens above a Service selector shows what it selects';

export async function run({ closePanel, parkMouse, page, openFile, focusEditor, editorFocused, waitFor, pressKey, screenshot, assert, log }) {
  await openFile('service.yaml');
  await closePanel(); // the editor gets the whole height
  await focusEditor();
  const lens = page.locator('.editor-group-container.active .codelens-decoration');
  const markup = () => lens.evaluateAll((els) => els.map((el) => el.outerHTML));
  const link = lens.locator('a').filter({ hasText: 'selects' }).first();
  const text = await waitFor(async () => (await link.isVisible()) && (await link.innerText()).trim(), 45_000)
    .catch(async () => assert.fail(`no "selects ..." code lens link in service.yaml (editor focused: ${await editorFocused()}; lenses: ${JSON.stringify(await markup())})`));
  log(`code lens: ${text}`);
  assert.match(text, /selects 1 workload: web/);

  // The lens sits right above `selector:` (line 10).
  const [lensBox, selectorBox] = await Promise.all([
    lens.filter({ hasText: 'selects' }).first().boundingBox(),
    page.locator('.editor-group-container.active .view-line').filter({ hasText: /^\s*selector:\s*$/ }).first().boundingBox(),
  ]);
  assert.ok(lensBox && selectorBox && lensBox.y < selectorBox.y && selectorBox.y - lensBox.y < 40, `the lens is not just above "selector:" (${JSON.stringify({ lensBox, selectorBox })})`);

  // Clicking it peeks at the selected workload.
  await link.click({ timeout: 30_000 }).catch(async (e) => assert.fail(`cannot click the code lens (${e.message.split('\n')[0]}); lenses: ${JSON.stringify(await markup())}`));
  await parkMouse();
  const peek = page.locator('.editor-group-container.active .peekview-widget').first();
  await peek.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => assert.fail('clicking the code lens shows no peek'));
  await waitFor(async () => (await peek.innerText()).includes('deployment.yaml'), 20_000)
    .catch(async () => assert.fail(`the peek does not show deployment.yaml: ${JSON.stringify(await peek.innerText())}`));
  log('clicking the lens peeks at deployment.yaml');
  await screenshot('code-lens');
  await pressKey('Escape');
}
