// The workbench itself works: a file of the test workspace opens in an editor and VS Code shows its
// language mode. Needs no extension, and opens no YAML file: 02-activation checks that the
// extension is still inactive at that point.
export const name = 'workbench opens a file';

export async function run({ openFile, editorLines, statusBarItem, waitFor, assert, log }) {
  await openFile('README.md');
  const lines = await waitFor(async () => {
    const l = await editorLines();
    return l.some((t) => t.startsWith('# web')) && l;
  });
  assert.ok(lines.some((t) => t.includes('AWS Load Balancer Controller')), 'README.md content is shown in the editor');
  const mode = await waitFor(async () => (await statusBarItem('status.editor.mode')) === 'Markdown' && 'Markdown', 10_000)
    .catch(async () => assert.fail(`language mode in the status bar is ${JSON.stringify(await statusBarItem('status.editor.mode'))}, expected "Markdown"`));
  log(`editor shows ${lines.length} lines, language mode ${mode}`);
}
