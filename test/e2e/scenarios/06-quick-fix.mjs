// Quick fix: on the unquoted `15`, the light bulb menu (Ctrl+.) offers to quote it; choosing it
// turns the value into "15" and the error goes away.
export const name = 'quick fix from the light bulb quotes the value';

const TITLE = 'Quote the value as "15"';
const LINE = 13; // alb.ingress.kubernetes.io/healthcheck-interval-seconds: 15

export async function run({ closePanel, page, openFile, gotoLine, pressKey, waitFor, editorLines, undoAll, screenshot, assert, log }) {
  await openFile('ingress.yaml');
  await undoAll(); // in case an earlier scenario failed half-way through an edit
  await closePanel(); // the editor gets the whole height
  await waitFor('.editor-group-container.active .squiggly-error', 90_000);
  await gotoLine(LINE, 61);
  // The light bulb shows in the gutter once the cursor is on a fixable diagnostic.
  await waitFor('.editor-group-container.active .lightBulbWidget', 30_000)
    .catch(() => log('no light bulb icon seen (opening the menu with Ctrl+. anyway)'));

  const menu = '.action-widget';
  const items = () => page.locator(`${menu} .monaco-list-row`).allInnerTexts();
  const open = async () => {
    if (await page.locator(menu).first().isVisible()) return true;
    await pressKey('Control+.');
    return page.locator(menu).first().waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false);
  };
  await waitFor(open, 30_000);
  const offered = await waitFor(async () => { const t = await items(); return t.some((x) => x.includes(TITLE)) && t; }, 30_000)
    .catch(async () => assert.fail(`the quick-fix menu does not offer ${TITLE} (offers ${JSON.stringify(await items())})`));
  log(`quick fixes: ${JSON.stringify(offered)}`);
  await screenshot('quick-fix');

  await page.locator(`${menu} .monaco-list-row`).filter({ hasText: TITLE }).first().click();
  const line = await waitFor(async () => (await editorLines()).find((l) => l.includes('healthcheck-interval-seconds: "15"')), 20_000)
    .catch(async () => assert.fail(`line ${LINE} was not changed to "15" (lines: ${JSON.stringify(await editorLines())})`));
  log(`after the fix: ${line.trim()}`);
  assert.equal(line, '    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "15"');
  await waitFor(async () => !(await page.locator('.editor-group-container.active .squiggly-error').count()), 30_000)
    .catch(() => assert.fail('the error squiggle is still there after the fix'));
  log('the error is gone');

  await undoAll(); // back to the file on disk for the next scenarios
  assert.ok((await editorLines()).some((l) => l.endsWith('healthcheck-interval-seconds: 15')), 'undo restored the unquoted value');
}
