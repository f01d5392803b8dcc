// Runs inside VS Code's extension host (loaded by @vscode/test-electron through
// --extensionTestsPath); no mocha: run() resolves when the checks pass and rejects otherwise.
const assert = require('node:assert/strict');
const vscode = require('vscode');

function waitForDiagnostics(uri, source, timeoutMs) {
  const pick = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
  return new Promise((resolve, reject) => {
    const done = (result, error) => { clearTimeout(timer); sub.dispose(); error ? reject(error) : resolve(result); };
    const sub = vscode.languages.onDidChangeDiagnostics(() => { if (pick().length) done(pick()); });
    const timer = setTimeout(() => done(undefined, new Error(`no '${source}' diagnostics on ${uri.fsPath} within ${timeoutMs} ms`)), timeoutMs);
    if (pick().length) done(pick());
  });
}

exports.run = async function run() {
  const ext = vscode.extensions.getExtension('eksnet.eksnet');
  assert.ok(ext, 'extension eksnet.eksnet is not loaded');
  await ext.activate();

  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'ingress.yaml');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

  const diagnostics = await waitForDiagnostics(uri, 'eksnet', 30_000);
  const codes = diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
  console.log(`eksnet diagnostics on ingress.yaml: ${JSON.stringify(codes)}`);
  assert.ok(codes.includes('annotation-value-not-string'), `expected an 'annotation-value-not-string' diagnostic, got ${JSON.stringify(codes)}`);
};
