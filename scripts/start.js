#!/usr/bin/env node
/**
 * `npm start`: build only when a source is newer than the last build, then
 * run the CLI in this same process. No child process: a signal sent to
 * `npm start` reaches the server itself, and nothing is left running after
 * it. Plain JavaScript, as it must run before anything is compiled.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// gen-validators writes this last, so its time is the end of the last whole build.
const builtMarker = path.join(root, 'dist', 'src', 'fixtures', 'fixture-validator.js');
const sources = ['src', 'scripts', 'fixtures', 'package.json', 'tsconfig.json'];

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted or renamed file changes its directory
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(builtMarker).mtimeMs;
  } catch {
    return -Infinity;
  }
}

const stale = sources.some((entry) => fs.existsSync(path.join(root, entry)) && newestChange(path.join(root, entry)) > builtAt());
if (stale) {
  const npm = process.env.npm_execpath;
  const build = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    process.stderr.write('smartag-emulator: the build failed (above); fix the error, then run npm start again.\n');
    process.exit(build.status ?? 1);
  }
}
require(path.join(root, 'dist', 'src', 'cli.js'));
