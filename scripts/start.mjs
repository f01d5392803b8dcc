// The main job: build, lint the bundled example workspace with the CLI, package the .vsix.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const step = (title, cmd, args, okCodes = [0]) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (!okCodes.includes(r.status)) {
    console.error(`✖ ${title} failed (exit ${r.status})`);
    process.exit(r.status || 1);
  }
  return r.status;
};

step('Build', 'node', ['scripts/build.mjs']);
const lint = step('Lint examples/ (it holds deliberate mistakes, so findings are expected)', 'node', ['dist/cli.js', 'lint', 'examples'], [0, 1]);
console.log(lint === 1 ? '  → error findings reported, as intended (exit code 1)' : '  → no error findings');
step('Package the extension', 'npm', ['run', '--silent', 'package']);
const size = statSync('dist/eksnet.vsix').size;
console.log(`\n✔ dist/eksnet.vsix (${(size / 1024).toFixed(0)} KB): install it with "code --install-extension dist/eksnet.vsix"`);
