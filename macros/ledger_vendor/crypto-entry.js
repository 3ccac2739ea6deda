/* Entry of the encryption bundle (built by macros/ledger_bundle.mjs): AES-256-GCM and
   PBKDF2-HMAC-SHA256 from the audited @noble libraries, as window.YingsuCryptoLib. Used only where
   the browser has no WebCrypto (crypto.subtle exists only in secure contexts: https or
   localhost, not on a plain-http intranet); both give the same bytes. */
import { gcm } from "@noble/ciphers/aes.js";
import { pbkdf2Async } from "@noble/hashes/pbkdf2.js";
import { sha256 } from "@noble/hashes/sha2.js";

window.YingsuCryptoLib = {
  deriveKey: function (password, salt, iterations) {
    return pbkdf2Async(sha256, password, salt, { c: iterations, dkLen: 32, asyncTick: 20 });
  },
  encrypt: function (key, iv, data, aad) { return gcm(key, iv, aad).encrypt(data); },
  decrypt: function (key, iv, data, aad) { return gcm(key, iv, aad).decrypt(data); }
};
