// Hover: resting on an annotation key shows its documentation from the catalogue.
export const name = 'hover over an annotation shows its documentation';

export async function run({ closePanel, undoAll, openFile, gotoLine, pressKey, waitFor, hoverText, screenshot, assert, log }) {
  await openFile('ingress.yaml');
  await undoAll(); // in case an earlier scenario failed half-way through an edit
  await closePanel(); // the editor gets the whole height
  await waitFor('.editor-group-container.active .squiggly-error', 90_000); // the server has analysed the file
  await gotoLine(8, 31); // alb.ingress.kubernetes.io/scheme: internet-facing  (on "scheme")
  // Ctrl+K Ctrl+I: Show Hover at the cursor, what a mouse hover shows.
  await pressKey('Control+K');
  await pressKey('Control+I');
  const text = await waitFor(async () => { const t = await hoverText(); return t?.includes('alb.ingress.kubernetes.io/scheme') && t; }, 30_000)
    .catch(async () => assert.fail(`no documentation hover on alb.ingress.kubernetes.io/scheme (shows ${JSON.stringify(await hoverText())})`));
  log(`hover: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
  assert.match(text, /internet-facing/, 'the hover documents the values');
  assert.match(text, /internal/, 'the hover documents the values');
  assert.match(text, /public|VPC/, 'the hover explains the annotation');
  await screenshot('hover');
  await pressKey('Escape');
}
