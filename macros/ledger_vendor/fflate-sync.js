/* fflate as the .xlsx libraries use it, but never with a Web Worker.

   fflate's asynchronous unzip()/zip() move entries over 512 KB into Workers made from blob:
   URLs, which the site's Content-Security-Policy (worker-src 'self') does not allow, so a large
   ledger would fail to open or save. The bundle resolves "fflate" to this module: the same
   functions, done synchronously on the page, answering through the same callback. */
import { unzipSync, zipSync } from "fflate-original";

export * from "fflate-original";

function later(cb, error, result) {
  Promise.resolve().then(function () { cb(error, result); });
  return function terminate() {};
}

export function unzip(data, opts, cb) {
  if (typeof opts === "function") { cb = opts; opts = {}; }
  try { return later(cb, null, unzipSync(data, opts)); } catch (error) { return later(cb, error, null); }
}

export function zip(data, opts, cb) {
  if (typeof opts === "function") { cb = opts; opts = {}; }
  try { return later(cb, null, zipSync(data, opts)); } catch (error) { return later(cb, error, null); }
}
