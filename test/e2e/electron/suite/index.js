// Runs inside VS Code's extension host (loaded by @vscode/test-electron through
// --extensionTestsPath); no mocha: run() resolves when every check passes and rejects otherwise.
// The same checks as test/e2e/scenarios/*.mjs, through VS Code's API instead of the UI (the
// code-server run drives the real UI; this one needs a desktop VS Code build, see ../runTest.mjs).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'eksnet.eksnet';
const RULE = 'annotation-value-not-string';
const PREFIX = 'alb.ingress.kubernetes.io/';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

const folder = () => vscode.workspace.workspaceFolders[0].uri;
const file = (name) => vscode.Uri.joinPath(folder(), name);
async function open(name) {
  const doc = await vscode.workspace.openTextDocument(file(name));
  return { doc, editor: await vscode.window.showTextDocument(doc) };
}
async function revert() {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
const eksnetDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'eksnet');
const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
const text = (md) => (typeof md === 'string' ? md : md.value);

const checks = [
  ['activates only for YAML, without Red Hat YAML', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined, 'Red Hat YAML is installed');
    assert.equal(ext.isActive, false, 'active before any YAML file was opened');
    for (const name of ['README.md', '.eksnet.json']) {
      await open(name);
      await sleep(2000);
      assert.equal(ext.isActive, false, `activated by ${name}`);
    }
    await open('service.yaml');
    await until('activation after opening service.yaml', () => ext.isActive);
  }],

  ['diagnostics with the rule code', async () => {
    const { doc } = await open('ingress.yaml');
    const diagnostics = await until(`'${RULE}' on ingress.yaml`, () => eksnetDiagnostics(doc.uri).some((d) => codeOf(d) === RULE) && eksnetDiagnostics(doc.uri));
    const d = diagnostics.find((x) => codeOf(x) === RULE);
    assert.equal(d.range.start.line, 12);
    assert.match(String(d.code.target), new RegExp(`${RULE}`), 'the code links to the rule documentation');
  }],

  ['completion of alb.ingress.kubernetes.io/ keys with docs', async () => {
    const { doc, editor } = await open('ingress.yaml');
    await editor.edit((e) => e.insert(doc.lineAt(10).range.end, `\n    ${PREFIX}`));
    const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', doc.uri, doc.lineAt(11).range.end, '/');
    const ours = list.items.filter((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith(PREFIX));
    await revert();
    assert.ok(ours.length >= 5, `only ${ours.length} ${PREFIX} items`);
    assert.ok(ours.some((i) => i.documentation && text(i.documentation).length > 40), 'no item has documentation');
    assert.ok(!ours.some((i) => i.label === `${PREFIX}healthcheck-path`), 'offers a key that is already there');
  }],

  ['hover over an annotation shows its documentation', async () => {
    const { doc } = await open('ingress.yaml');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(7, 30));
    const md = hovers.flatMap((h) => h.contents.map(text)).join('\n');
    assert.match(md, /alb\.ingress\.kubernetes\.io\/scheme/);
    assert.match(md, /internet-facing/);
  }],

  ['quick fix quotes the value', async () => {
    const { doc } = await open('ingress.yaml');
    const d = await until(`'${RULE}'`, () => eksnetDiagnostics(doc.uri).find((x) => codeOf(x) === RULE));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Quote the value as "15"');
    assert.ok(fix?.edit, `no quick fix "Quote the value as \\"15\\"" (got ${JSON.stringify(actions.map((a) => a.title))})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const line = doc.lineAt(12).text;
    await revert();
    assert.equal(line, '    alb.ingress.kubernetes.io/healthcheck-interval-seconds: "15"');
  }],

  ['go to definition from an Ingress backend lands on the Service', async () => {
    const { doc } = await open('ingress.yaml');
    const targets = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(22, 22));
    const t = targets.map((x) => ('targetUri' in x ? { uri: x.targetUri, range: x.targetRange } : x))[0];
    assert.ok(t, 'no definition');
    assert.ok(t.uri.path.endsWith('/service.yaml'), `definition is in ${t.uri.path}`);
    assert.equal(t.range.start.line, 3, 'definition is not on metadata.name of the Service');
  }],

  ['code lens above a Service selector shows what it selects', async () => {
    const { doc } = await open('service.yaml');
    const lenses = await until('a "selects" code lens', async () => {
      const all = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', doc.uri, 10);
      return all.some((l) => /selects/.test(l.command?.title ?? '')) && all;
    });
    const lens = lenses.find((l) => /selects/.test(l.command.title));
    assert.match(lens.command.title, /selects 1 workload: web/);
    assert.equal(lens.range.start.line, 9, 'the lens is not on the selector line');
  }],
];

exports.run = async function run() {
  assert.ok(vscode.workspace.workspaceFolders?.length, 'no workspace folder is open');
  let failed = 0;
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`PASS ${name}`);
    } catch (err) {
      failed++;
      console.log(`FAIL ${name}: ${err?.message ?? err}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${checks.length} checks failed`);
};
