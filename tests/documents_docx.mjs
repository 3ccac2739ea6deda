// Writes .docx files from document models with the site's own writer
// (overrides/assets/javascripts/docx-writer.js) and the pinned `docx` library, under Node:
// the same code the browser runs, without a browser. Used by tests/test_documents_docx.py.
//   node tests/documents_docx.mjs MODELS.json OUT_DIR    (MODELS.json: [{name, model}])
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
globalThis.docx = require(join(root, "node_modules/docx"));
require(join(root, "overrides/assets/javascripts/docx-writer.js"));

const [models, out] = process.argv.slice(2);
for (const { name, model } of JSON.parse(readFileSync(models, "utf-8"))) {
  const buffer = await globalThis.docx.Packer.toBuffer(globalThis.YingsuDocx.build(model));
  writeFileSync(join(out, name), buffer);
}
console.log(JSON.stringify(globalThis.YingsuDocx.layout));
