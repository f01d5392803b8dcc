// The extension activates only for YAML ("activationEvents": ["onLanguage:yaml"]), and works
// without Red Hat's YAML extension. Its status bar item ("EKS: ...", created on activation) is the
// visible sign: absent while only Markdown and JSON files are open, present once a YAML file is.
// Runs before any scenario opens a YAML file.
import fs from 'node:fs';
import path from 'node:path';

export const name = 'activates only for YAML, without Red Hat YAML';

const STATUS = 'eksnet.eksnet.eksnet.status'; // `${extensionId}.${item id}`
const RED_HAT_YAML = 'redhat.vscode-yaml';

export async function run({ page, tmp, extension, openFile, statusBarItem, waitFor, assert, log }) {
  assert.ok(extension.installed, `the vsix was not installed: ${extension.problem}`);

  // Red Hat YAML is not installed (01-extension-installed shows the Extensions view lists eksnet).
  const installed = fs.readdirSync(path.join(tmp, 'extensions')).filter((d) => !d.startsWith('.') && !d.endsWith('.json'));
  assert.ok(installed.some((d) => d.startsWith('eksnet.eksnet-')), `eksnet is not in the extensions folder (${installed})`);
  assert.ok(!installed.some((d) => d.toLowerCase().startsWith(RED_HAT_YAML)), `${RED_HAT_YAML} is installed: ${installed}`);
  log(`extensions folder: ${installed.join(', ')}`);

  // Markdown (README.md, opened by 00-workbench) and JSON do not activate it.
  const eks = () => statusBarItem(STATUS);
  for (const [file, mode] of [['README.md', 'Markdown'], ['.eksnet.json', 'JSON']]) {
    await openFile(file);
    await waitFor(async () => (await statusBarItem('status.editor.mode')) === mode, 20_000)
      .catch(async () => assert.fail(`${file}: language mode is ${JSON.stringify(await statusBarItem('status.editor.mode'))}, expected ${mode}`));
    // A negative has to be watched for a while: activation would follow the mode change at once.
    const until = Date.now() + 5000;
    while (Date.now() < until) {
      assert.equal(await eks(), undefined, `the extension activated for ${file} (${mode}): status bar shows ${JSON.stringify(await eks())}`);
      await page.waitForTimeout(250);
    }
  }
  log('not active with Markdown and JSON files open');

  // A YAML file activates it; the server starts, indexes the workspace and reports its objects.
  await openFile('service.yaml');
  await waitFor(async () => (await statusBarItem('status.editor.mode')) === 'YAML', 20_000);
  const first = await waitFor(eks, 90_000).catch(() => assert.fail('no "EKS:" status bar item after opening service.yaml: the extension did not activate'));
  log(`after opening service.yaml the status bar shows "${first}"`);
  const ready = await waitFor(async () => /EKS: \d+ objects/.test((await eks()) ?? '') && eks(), 90_000)
    .catch(async () => assert.fail(`the status bar never reported indexed objects (shows ${JSON.stringify(await eks())})`));
  assert.match(ready, /EKS: 3 objects/, 'the workspace holds 3 Kubernetes objects (Deployment, Service, Ingress)');
  log(`status bar: "${ready}"`);
}
