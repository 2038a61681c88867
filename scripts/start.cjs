#!/usr/bin/env node
/**
 * `npm start`: builds only when a source is newer than the build, then runs
 * the CLI in this same process. npm signals its script's process directly,
 * so SIGTERM and SIGINT reach the server itself (a shell between them, as in
 * `npm run build && node ...`, left the server running when npm was stopped).
 * Plain JavaScript: it runs before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// The build's last output (scripts/gen-validators.ts writes it after tsc).
const builtMarker = path.join(root, 'dist', 'src', 'fixtures', 'fixture-validator.js');
const sources = ['src', 'scripts', 'fixtures/fixture.schema.json', 'tsconfig.json', 'package.json'];

function newestSource(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestSource(path.join(entry, name)));
  return newest;
}

function built() {
  try {
    return fs.statSync(builtMarker).mtimeMs;
  } catch {
    return -1;
  }
}

const newest = Math.max(...sources.map((source) => newestSource(path.join(root, source))));
if (built() < newest) {
  const build = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
require(path.join(root, 'dist', 'src', 'cli.js'));
