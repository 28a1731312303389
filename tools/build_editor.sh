#!/bin/sh
# Build game/studio/static/editor.js: CodeMirror 6 bundled into one file, served by
# `python -m game studio` from the game's own files (no CDN, nothing fetched at run time).
#
# Needs Node.js and npm, and the npm registry (only when the bundle is rebuilt; the bundle is
# committed). Installs the pinned packages below into a temporary folder, bundles
# tools/editor_entry.js with esbuild, and writes the resolved version of every package
# bundled into game/studio/static/editor.VERSIONS and their licences into
# game/studio/static/editor.LICENSES.txt.
#
#   sh tools/build_editor.sh
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
OUT="$HERE/game/studio/static"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/tools/editor_entry.js" "$WORK/entry.js"
cd "$WORK"
cat > package.json <<'JSON'
{"name": "sincerity-editor-build", "private": true, "version": "0.0.0"}
JSON
npm install --no-audit --no-fund --save-exact --ignore-scripts \
  codemirror@6.0.2 @codemirror/view@6.44.2 @codemirror/state@6.7.6 \
  @codemirror/lint@6.9.8 @codemirror/lang-yaml@6.1.3 esbuild@0.28.2 >/dev/null
# esbuild's binary comes in an optional package; --ignore-scripts skips only its check
node node_modules/esbuild/install.js >/dev/null 2>&1 || true
node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --target=es2020 \
  --legal-comments=none --outfile="$OUT/editor.js"
node - "$OUT" <<'JS'
const fs = require("fs"), path = require("path");
const out = process.argv[2];
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages;
const names = Object.keys(lock).filter(k => k.startsWith("node_modules/") &&
  !k.includes("esbuild") && !lock[k].dev).sort();
let versions = "# every package bundled into editor.js, as npm resolved it\n";
let licences = "Licences of the packages bundled into editor.js (built by tools/build_editor.sh)\n";
for (const k of names) {
  const name = k.slice("node_modules/".length), meta = lock[k];
  versions += `${name} ${meta.version} ${meta.license || ""}\n`;
  const dir = path.join("node_modules", name);
  const file = fs.readdirSync(dir).find(f => /^licen[cs]e/i.test(f));
  licences += `\n==== ${name} ${meta.version} (${meta.license || "see below"})\n`;
  licences += file ? fs.readFileSync(path.join(dir, file), "utf8") : "(no licence file)\n";
}
versions += `# bundled with esbuild ${lock["node_modules/esbuild"].version}\n`;
fs.writeFileSync(path.join(out, "editor.VERSIONS"), versions);
fs.writeFileSync(path.join(out, "editor.LICENSES.txt"), licences);
JS
ls -l "$OUT/editor.js"
