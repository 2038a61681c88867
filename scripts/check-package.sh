#!/usr/bin/env bash
# The package as another project gets it: `npm pack` (which runs prepare, the build), installed into
# an empty project, must give a working `npx smartag-emulator` and `require('smartag-emulator')`.
# Run from the repository root after `npm ci` (CI does: .ci/run).
set -euo pipefail

ROOT=$(pwd)
WORK=$(mktemp -d /tmp/smartag-package.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

TARBALL=$(npm pack --silent --pack-destination "$WORK" | tail -n1)
echo "packed: $TARBALL ($(du -h "$WORK/$TARBALL" | cut -f1))"
cd "$WORK"
npm init -y >/dev/null
# --ignore-scripts: better-sqlite3's native addon is the one `npm ci` compiled for this repository
# (same version, from the lockfile), copied in below; compiling it a second time would double CI time.
npm install --no-audit --no-fund --ignore-scripts "./$TARBALL" >/dev/null
cp -R "$ROOT/node_modules/better-sqlite3/build" node_modules/better-sqlite3/

version=$(npx --no-install smartag-emulator --version)
expected=$(node -p "require('$ROOT/package.json').version")
[ "$version" = "$expected" ] || { echo "npx smartag-emulator --version said '$version', expected '$expected'"; exit 1; }
echo "npx smartag-emulator --version: $version"

node -e "
const { startEmulator } = require('smartag-emulator');
startEmulator({ fixtures: 'none' }).then(async (emulator) => {
  const answer = await fetch(emulator.url + '/?Action=DescribeRegions&Version=2018-03-13');
  await emulator.close();
  if (answer.status !== 200) { console.error('DescribeRegions answered ' + answer.status); process.exit(1); }
  console.log('require(\"smartag-emulator\").startEmulator: DescribeRegions 200');
});
"
