// The workbench itself works: a YAML file of the test workspace opens in an editor and VS Code
// shows YAML as its language mode. Needs no extension.
export const name = 'workbench opens a YAML file';

export async function run({ openFile, editorLines, statusBarItem, waitFor, assert, log }) {
  await openFile('service.yaml');
  const lines = await waitFor(async () => {
    const l = await editorLines();
    return l.some((t) => t.includes('kind: Service')) && l;
  });
  assert.ok(lines.some((t) => t.includes('name: web')), 'service.yaml content is shown in the editor');
  const mode = await waitFor(async () => (await statusBarItem('status.editor.mode')) === 'YAML' && 'YAML', 10_000)
    .catch(async () => assert.fail(`language mode in the status bar is ${JSON.stringify(await statusBarItem('status.editor.mode'))}, expected "YAML"`));
  log(`editor shows ${lines.length} lines, language mode ${mode}`);
}
