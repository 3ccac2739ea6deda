/* Build the browser libraries of the ledger pages from node_modules (pinned in
   package-lock.json; nothing is fetched): run by macros/ledger_hook.py after each site build.

     node macros/ledger_bundle.mjs OUT_DIR

   writes into OUT_DIR (the site's assets/javascripts/vendor/):
   - xlsx.js     read-excel-file + write-excel-file (window.YingsuXlsxLib), .xlsx in and out;
                 "fflate" resolves to ledger_vendor/fflate-sync.js so that no blob: Worker is
                 ever made (the Content-Security-Policy allows none);
   - charts.js   Chart.js with the bar and doughnut charts only (window.Chart);
   - crypto.js   AES-GCM and PBKDF2 (@noble/ciphers, @noble/hashes) for password-protected files
                 where the browser lacks WebCrypto (plain-http intranets);
   - sha256.js   SHA-256 (@noble/hashes) for the calculators' worker, which checks every file it
                 loads, where the browser lacks WebCrypto (self.YingsuSha256);
   - <name>.LICENSE.txt  the licence of every package that went into each bundle.
   Prints {file: {bytes, packages}} as JSON. Output is deterministic (same inputs, same bytes). */
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const require = createRequire(path.join(ROOT, "package.json"));
const esbuild = require("esbuild");

const BUNDLES = {
  "xlsx.js": "xlsx-entry.js",
  "charts.js": "charts-entry.js",
  "crypto.js": "crypto-entry.js",
  "sha256.js": "sha256-entry.js",
};

const syncFflate = {
  name: "fflate-sync",
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) => {
      if (args.pluginData && args.pluginData.real) return undefined;
      return { path: path.join(HERE, "ledger_vendor", "fflate-sync.js") };
    });
    build.onResolve({ filter: /^fflate-original$/ }, async (args) => {
      const result = await build.resolve("fflate", { kind: args.kind, resolveDir: ROOT, pluginData: { real: true } });
      if (result.errors.length) return { errors: result.errors };
      return { path: result.path };
    });
  },
};

/** The package directory (with package.json) that a bundled input file belongs to. */
function packageDir(file) {
  let dir = path.dirname(path.resolve(ROOT, file));
  while (dir.startsWith(path.join(ROOT, "node_modules"))) {
    if (existsSync(path.join(dir, "package.json"))) {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf-8"));
      // a package's own root (node_modules/NAME), not a sub-path's package.json (read-excel-file/universal)
      if (/^(@[^/]+\/)?[^/@]+$/.test(pkg.name || "") && dir === path.join(ROOT, "node_modules", pkg.name)) {
        return { dir, name: pkg.name, version: pkg.version, license: pkg.license };
      }
    }
    dir = path.dirname(dir);
  }
  return null;
}

function licenceText(pkg) {
  const file = readdirSync(pkg.dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!file) throw new Error(`${pkg.name} has no licence file`);
  return `${pkg.name} ${pkg.version} (${pkg.license})\n${"=".repeat(60)}\n${readFileSync(path.join(pkg.dir, file), "utf-8").trim()}\n`;
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("usage: node macros/ledger_bundle.mjs OUT_DIR");
  mkdirSync(out, { recursive: true });
  const report = {};
  for (const [name, entry] of Object.entries(BUNDLES)) {
    const result = await esbuild.build({
      entryPoints: [path.join(HERE, "ledger_vendor", entry)],
      bundle: true, minify: true, format: "iife", platform: "browser", target: "es2019",
      legalComments: "none", charset: "utf8", write: false, metafile: true, logLevel: "silent",
      absWorkingDir: ROOT, plugins: [syncFflate],
    });
    const packages = new Map();
    for (const input of Object.keys(result.metafile.inputs)) {
      const pkg = packageDir(input);
      if (pkg) packages.set(pkg.name, pkg);
    }
    const sorted = [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
    const base = name.replace(/\.js$/, "");
    const banner = `/* ${sorted.map((p) => `${p.name} ${p.version} (${p.license})`).join(", ")}; licences: ${base}.LICENSE.txt */\n`;
    const code = banner + result.outputFiles[0].text;
    writeFileSync(path.join(out, name), code);
    writeFileSync(path.join(out, `${base}.LICENSE.txt`), sorted.map(licenceText).join("\n\n"));
    report[name] = { bytes: Buffer.byteLength(code), packages: sorted.map((p) => `${p.name}@${p.version}`) };
  }
  process.stdout.write(JSON.stringify(report) + "\n");
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
