/* Entry of the SHA-256 bundle (built by macros/ledger_bundle.mjs): @noble/hashes' sha256 as
   self.YingsuSha256(bytes) -> hex. The calculators' worker checks the files it loads with it
   where the browser has no WebCrypto (crypto.subtle exists only in secure contexts: https or
   localhost, not on a plain-http intranet). A classic script, for importScripts in a worker. */
import { sha256 } from "@noble/hashes/sha2.js";

self.YingsuSha256 = function (bytes) {
  var digest = sha256(new Uint8Array(bytes));
  var out = "";
  for (var i = 0; i < digest.length; i++) out += (digest[i] < 16 ? "0" : "") + digest[i].toString(16);
  return out;
};
