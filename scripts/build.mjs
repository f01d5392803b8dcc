// Bundles the three entry points with esbuild: the extension client, the language server, the CLI.
import * as esbuild from 'esbuild';
import { readFileSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { EKSNET_VERSION: JSON.stringify(pkg.version) },
  // The `yaml` package's ES module build (the same code as its CommonJS one): bundled from CommonJS,
  // every `isMap`/`isScalar`/... call would go through an export getter, a tenth of the CLI's time.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

const started = Date.now();
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);
for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(f, 0o755);
console.log(`built dist/client.js, dist/server.js, dist/cli.js in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
