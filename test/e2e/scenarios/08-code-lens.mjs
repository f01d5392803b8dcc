// Code lens: above the Service's `selector` a lens says which workloads it selects; clicking it
// shows them (the Deployment in deployment.yaml) in a peek.
export const name = 'code lens above a Service selector shows what it selects';

export async function run({ closePanel, parkMouse, page, openFile, waitFor, pressKey, screenshot, assert, log }) {
  await openFile('service.yaml');
  await closePanel(); // the editor gets the whole height
  const lens = page.locator('.editor-group-container.active .codelens-decoration');
  const texts = () => lens.allInnerTexts();
  const found = async () => (await texts()).find((t) => /selects/.test(t));
  const text = await waitFor(found, 60_000).catch(async () => {
    // Tell a stale answer from none: an edit makes VS Code ask the server for lenses again.
    await pressKey('End');
    await pressKey('Space');
    await pressKey('Backspace');
    const after = await waitFor(found, 20_000).catch(() => undefined);
    assert.fail(after
      ? `no code lens in service.yaml until the file was edited, then "${after}": the lenses VS Code got first were stale and never refreshed`
      : `no "selects ..." code lens in service.yaml, even after an edit (lenses: ${JSON.stringify(await texts())})`);
  });
  log(`code lens: ${text}`);
  assert.match(text, /selects 1 workload: web/);

  // The lens sits right above `selector:` (line 10).
  const [lensBox, selectorBox] = await Promise.all([
    lens.filter({ hasText: 'selects' }).first().boundingBox(),
    page.locator('.editor-group-container.active .view-line').filter({ hasText: /^\s*selector:\s*$/ }).first().boundingBox(),
  ]);
  assert.ok(lensBox && selectorBox && lensBox.y < selectorBox.y && selectorBox.y - lensBox.y < 40, `the lens is not just above "selector:" (${JSON.stringify({ lensBox, selectorBox })})`);

  // Clicking it peeks at the selected workload.
  await lens.filter({ hasText: 'selects' }).locator('a').first().click();
  await parkMouse();
  const peek = page.locator('.editor-group-container.active .peekview-widget').first();
  await peek.waitFor({ state: 'visible', timeout: 30_000 }).catch(() => assert.fail('clicking the code lens shows no peek'));
  await waitFor(async () => (await peek.innerText()).includes('deployment.yaml'), 20_000)
    .catch(async () => assert.fail(`the peek does not show deployment.yaml: ${JSON.stringify(await peek.innerText())}`));
  log('clicking the lens peeks at deployment.yaml');
  await screenshot('code-lens');
  await pressKey('Escape');
}
