// Our packaged extension (dist/eksnet.vsix) is installed in this VS Code: the Extensions view lists
// it under "@installed eksnet" and the command palette offers its commands.
export const name = 'eksnet extension is installed';

const COMMANDS = ['EKS Networking: Show Output', 'EKS Networking: Restart Language Server', 'EKS Networking: Lint Whole Workspace'];

export async function run({ page, extension, pressKey, insertText, waitFor, dismiss, findCommand, quickInputRows, assert, log }) {
  if (!extension.installed) {
    assert.fail(`the vsix was not installed, so the extension cannot be there. Reason: ${extension.problem}`);
  }
  await dismiss();
  await pressKey('Control+Shift+X');
  const search = '.extensions-viewlet .suggest-input-container';
  await waitFor(search);
  await page.locator(`${search} .monaco-editor`).first().click();
  await pressKey('Control+A');
  await insertText('@installed eksnet');
  const item = page.locator(`.extensions-viewlet [data-extension-id="${extension.id}" i] .extension-list-item`);
  await item.first().waitFor({ state: 'visible', timeout: 90_000 }).catch(async () => {
    const shown = await page.locator('.extensions-viewlet .extension-list-item .name').allInnerTexts();
    assert.fail(`"${extension.id}" is not in "@installed eksnet" (view shows ${JSON.stringify(shown)})`);
  });
  log(`Extensions view lists ${extension.id}: ${(await item.first().locator('.name').innerText()).trim()}`);
  await pressKey('Control+Shift+E'); // back to the Explorer

  for (const title of COMMANDS) {
    if (!(await findCommand(title, 45_000))) assert.fail(`command palette has no "${title}" (shows ${JSON.stringify(await quickInputRows())})`);
  }
  await dismiss();
  log(`command palette offers ${COMMANDS.length} eksnet commands`);
}
