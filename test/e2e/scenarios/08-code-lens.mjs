// Code lens: above the Service's `selector` a lens says which workloads it selects; clicking it
// shows them (the Deployment in deployment.yaml) in a peek.
export const name = 'code lens above a Service selector shows what it selects';

export async function run({ closePanel, parkMouse, page, openFile, waitFor, pressKey, screenshot, assert, log }) {
  await openFile('service.yaml');
  await closePanel(); // the editor gets the whole height
  const lens = page.locator('.editor-group-container.active .codelens-decoration');
  const texts = () => lens.allInnerTexts();
  const found = async () => (await texts()).find((t) => /selects/.test(t));
  let text = await waitFor(found, 45_000).catch(() => undefined);
  if (!text) {
    // FIXME: in about 2 runs out of 5 the lens of service.yaml (the file that activated the
    // extension) is not shown until VS Code asks again; an edit makes it ask. The server answers
    // correctly when asked (protocol tests); why VS Code keeps the earlier answer here is open.
    await pressKey('End');
    await pressKey('Space');
    await pressKey('Backspace');
    text = await waitFor(found, 30_000).catch(async () => assert.fail(`no "selects ..." code lens in service.yaml, even after an edit (lenses: ${JSON.stringify(await texts())})`));
    log('FIXME: the code lens appeared only after an edit made VS Code ask for it again');
  }
  log(`code lens: ${text}`);
  assert.match(text, /selects 1 workload: web/);

  // The lens sits right above `selector:` (line 10).
  const [lensBox, selectorBox] = await Promise.all([
    lens.filter({ hasText: 'selects' }).first().boundingBox(),
    page.locator('.editor-group-container.active .view-line').filter({ hasText: /^\s*selector:\s*$/ }).first().boundingBox(),
  ]);
  assert.ok(lensBox && selectorBox && lensBox.y < selectorBox.y && selectorBox.y - lensBox.y < 40, `the lens is not just above "selector:" (${JSON.stringify({ lensBox, selectorBox })})`);

  // Clicking it peeks at the selected workload.
  const link = lens.filter({ hasText: 'selects' }).locator('a').first();
  await link.click({ timeout: 30_000 }).catch(async (e) => assert.fail(`cannot click the code lens (${e.message.split('\n')[0]}); lenses: ${JSON.stringify(await lens.evaluateAll((els) => els.map((el) => el.outerHTML)))}`));
  await parkMouse();
  const peek = page.locator('.editor-group-container.active .peekview-widget').first();
  await peek.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => assert.fail('clicking the code lens shows no peek'));
  await waitFor(async () => (await peek.innerText()).includes('deployment.yaml'), 20_000)
    .catch(async () => assert.fail(`the peek does not show deployment.yaml: ${JSON.stringify(await peek.innerText())}`));
  log('clicking the lens peeks at deployment.yaml');
  await screenshot('code-lens');
  await pressKey('Escape');
}
