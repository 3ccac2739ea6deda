/* Files of the ledger pages: .xlsx written and read with the vendored read-excel-file and
   write-excel-file (assets/javascripts/vendor/xlsx.js, built by macros/ledger_hook.py), and
   password-protected files.

   A protected file is the .xlsx encrypted with AES-256-GCM under a key derived from the password
   by PBKDF2-HMAC-SHA256 (600,000 iterations, random 16-byte salt, random 12-byte IV):
     "YSLEDGER1\n" | header length (4 bytes, big-endian) | header (JSON) | ciphertext + tag
   The header (algorithms, salt, IV) is authenticated as additional data, so a changed byte
   anywhere fails the check. WebCrypto does the work where the browser offers it (secure
   contexts: https, localhost); on a plain-http intranet it has none, and the vendored @noble
   libraries (vendor/crypto.js) give the same bytes.

   window.YingsuLedgerFiles:
     writeWorkbook(sheets) -> Promise<Blob>   sheets: [{name, rows: [[{text}|{number}|{date}|null]], widths, sticky}]
     readWorkbook(blob) -> Promise<[{name, rows}]>   dates as YYYY-MM-DD, numbers, booleans, text
     protect(blob, password) -> Promise<Blob>; unprotect(arrayBuffer, password) -> Promise<ArrayBuffer>
     isProtected(arrayBuffer) -> bool; load(name) -> Promise (a vendored library, once)
     askPassword(container, {confirm, purpose}) -> Promise<string> (an inline form, not a dialog)
   Does nothing until a ledger page calls it. */
(function () {
  "use strict";

  var MAGIC = "YSLEDGER1\n";
  var ITERATIONS = 600000;
  var XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  var OWN_SRC = document.currentScript && document.currentScript.src ? document.currentScript.src.split(/[?#]/)[0] : "";
  var ROOT = OWN_SRC.indexOf("assets/javascripts/ledger-files.js") >= 0
    ? OWN_SRC.slice(0, OWN_SRC.indexOf("assets/javascripts/ledger-files.js")) : null;
  var GLOBALS = { xlsx: "YingsuXlsxLib", charts: "Chart", crypto: "YingsuCryptoLib" };
  var loading = {};

  function el(tag, className, text) { return window.Yingsu.el(tag, className, text); }

  function root() {
    return ROOT || (window.YingsuCalc && window.YingsuCalc.root) || new URL(".", location.href).href;
  }

  /** A vendored library (vendor/<name>.js), loaded once. */
  function load(name) {
    if (window[GLOBALS[name]]) return Promise.resolve(window[GLOBALS[name]]);
    if (!loading[name]) {
      loading[name] = window.Yingsu.loadScript(root() + "assets/javascripts/vendor/" + name + ".js").then(
        function () { return window[GLOBALS[name]]; },
        function (error) { delete loading[name]; throw error; });
    }
    return loading[name];
  }

  /* ---- .xlsx ---- */
  function utcDate(iso) {
    var p = iso.split("-").map(Number);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2]));
  }

  function cell(c, header) {
    if (c === null || c === undefined) return null;
    var out;
    if (c.date) out = { value: utcDate(c.date), type: Date, format: "yyyy-mm-dd" };
    else if (typeof c.number === "number") out = { value: c.number, type: Number };
    else out = { value: String(c.text === undefined ? "" : c.text), type: String };
    if (header) out.fontWeight = "bold";
    if (out.type === String && out.value.indexOf("\n") >= 0) out.wrap = true;
    return out;
  }

  function writeWorkbook(sheets) {
    return load("xlsx").then(function (lib) {
      var data = sheets.map(function (sheet) {
        return {
          sheet: sheet.name,
          data: sheet.rows.map(function (row, i) { return row.map(function (c) { return cell(c, i === 0); }); }),
          columns: (sheet.widths || []).map(function (w) { return { width: w }; }),
          stickyRowsCount: sheet.sticky || 0
        };
      });
      return lib.writeXlsxFile(data).toBlob();
    }).then(function (blob) { return new Blob([blob], { type: XLSX_TYPE }); });
  }

  function plain(value) {
    if (value instanceof Date) {
      if (isNaN(value.getTime())) return null;
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return value.getUTCFullYear() + "-" + pad(value.getUTCMonth() + 1) + "-" + pad(value.getUTCDate());
    }
    return value === undefined ? null : value;
  }

  function readWorkbook(blob) {
    return load("xlsx").then(function (lib) {
      return lib.readXlsxFile(blob);
    }).then(function (sheets) {
      return sheets.map(function (s) {
        return { name: s.sheet, rows: s.data.map(function (row) { return row.map(plain); }) };
      });
    }, function (error) {
      console.error(error);
      throw new Error("无法读取该文件：请确认是 Excel 2007 及以后版本的 .xlsx 文件（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）。");
    });
  }

  /* ---- password-protected files ---- */
  var encoder = new TextEncoder();

  function b64(bytes) {
    var s = "";
    bytes.forEach(function (b) { s += String.fromCharCode(b); });
    return btoa(s);
  }

  function unb64(text) {
    var s = atob(text);
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  function random(n) {
    var out = new Uint8Array(n);
    crypto.getRandomValues(out);
    return out;
  }

  function subtle() { return window.crypto && window.crypto.subtle ? window.crypto.subtle : null; }

  /** AES-GCM with a key derived from the password: WebCrypto, or the vendored library. */
  function cipher(password, salt, iterations) {
    var s = subtle();
    if (s) {
      return s.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveKey"]).then(function (base) {
        return s.deriveKey({ name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256" }, base,
          { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      }).then(function (key) {
        return {
          encrypt: function (iv, data, aad) {
            return s.encrypt({ name: "AES-GCM", iv: iv, additionalData: aad }, key, data).then(function (b) { return new Uint8Array(b); });
          },
          decrypt: function (iv, data, aad) {
            return s.decrypt({ name: "AES-GCM", iv: iv, additionalData: aad }, key, data).then(function (b) { return new Uint8Array(b); });
          }
        };
      });
    }
    return load("crypto").then(function (lib) {
      return lib.deriveKey(encoder.encode(password), salt, iterations).then(function (key) {
        return {
          encrypt: function (iv, data, aad) { return Promise.resolve(lib.encrypt(key, iv, new Uint8Array(data), aad)); },
          decrypt: function (iv, data, aad) {
            try { return Promise.resolve(lib.decrypt(key, iv, new Uint8Array(data), aad)); } catch (e) { return Promise.reject(e); }
          }
        };
      });
    });
  }

  function protect(blob, password) {
    var salt = random(16), iv = random(12);
    var header = encoder.encode(JSON.stringify({
      format: "yingsu-ledger", content: "xlsx", kdf: "PBKDF2-SHA256", iterations: ITERATIONS,
      cipher: "AES-256-GCM", salt: b64(salt), iv: b64(iv)
    }));
    return Promise.all([blob.arrayBuffer(), cipher(password, salt, ITERATIONS)]).then(function (v) {
      return v[1].encrypt(iv, v[0], header);
    }).then(function (sealed) {
      var length = new Uint8Array(4);
      new DataView(length.buffer).setUint32(0, header.length);
      return new Blob([encoder.encode(MAGIC), length, header, sealed], { type: "application/octet-stream" });
    });
  }

  function isProtected(buffer) {
    var head = new Uint8Array(buffer, 0, Math.min(MAGIC.length, buffer.byteLength));
    return new TextDecoder().decode(head) === MAGIC;
  }

  var DAMAGED = "该文件不是本站导出的加密备份，或文件已损坏。";
  var WRONG = "密码不正确（或文件已被改动），无法打开。请核对密码后重试；密码区分大小写。";

  function unprotect(buffer, password) {
    var bytes = new Uint8Array(buffer);
    var header, length;
    try {
      length = new DataView(buffer, MAGIC.length, 4).getUint32(0);
      header = bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + length);
      var info = JSON.parse(new TextDecoder().decode(header));
      if (info.format !== "yingsu-ledger" || info.kdf !== "PBKDF2-SHA256" || info.cipher !== "AES-256-GCM") throw new Error();
      var iterations = Number(info.iterations);
      if (!(iterations >= 100000 && iterations <= 10000000)) throw new Error();
      var salt = unb64(info.salt), iv = unb64(info.iv);
    } catch (e) {
      return Promise.reject(new Error(DAMAGED));
    }
    var sealed = bytes.subarray(MAGIC.length + 4 + length);
    return cipher(password, salt, iterations).then(function (c) {
      return c.decrypt(iv, sealed, header);
    }).then(function (plainBytes) {
      return plainBytes.buffer.slice(plainBytes.byteOffset, plainBytes.byteOffset + plainBytes.byteLength);
    }, function () { throw new Error(WRONG); });
  }

  /** An inline password form in `container`; resolves with the password, rejects on cancel. */
  function askPassword(container, options) {
    options = options || {};
    return new Promise(function (resolve, reject) {
      container.textContent = "";
      container.hidden = false;
      var form = el("form", "ledger-password");
      form.setAttribute("data-password-form", "");
      form.appendChild(el("p", null, options.purpose || "请输入密码。"));
      function field(labelText, name) {
        var box = el("div", "calc-field");
        var input = el("input");
        input.type = "password";
        input.name = name;
        input.id = "ledger-" + name;
        input.autocomplete = options.confirm ? "new-password" : "current-password";
        var label = el("label", null, labelText);
        label.htmlFor = input.id;
        box.appendChild(label);
        box.appendChild(input);
        form.appendChild(box);
        return input;
      }
      var first = field("密码", "password");
      var second = options.confirm ? field("再次输入密码", "password2") : null;
      var error = el("p", "calc-error");
      error.setAttribute("role", "alert");
      error.hidden = true;
      form.appendChild(error);
      var actions = el("div", "calc-actions");
      var ok = el("button", "md-button md-button--primary", options.confirm ? "设置密码并导出" : "打开");
      ok.type = "submit";
      var cancel = el("button", "md-button", "取消");
      cancel.type = "button";
      actions.appendChild(ok);
      actions.appendChild(cancel);
      form.appendChild(actions);
      if (options.confirm) {
        form.appendChild(el("p", "calc-help", "密码至少8位。请牢记密码：忘记密码将无法打开备份，本站不保存密码。"));
      }
      container.appendChild(form);
      first.focus();
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (options.confirm && first.value.length < 8) { error.hidden = false; error.textContent = "密码至少8位。"; return; }
        if (second && second.value !== first.value) { error.hidden = false; error.textContent = "两次输入的密码不一致。"; return; }
        if (!first.value) { error.hidden = false; error.textContent = "请输入密码。"; return; }
        container.textContent = "";
        container.hidden = true;
        resolve(first.value);
      });
      cancel.addEventListener("click", function () {
        container.textContent = "";
        container.hidden = true;
        reject(new Error("cancelled"));
      });
    });
  }

  window.YingsuLedgerFiles = {
    load: load, writeWorkbook: writeWorkbook, readWorkbook: readWorkbook, protect: protect, unprotect: unprotect,
    isProtected: isProtected, askPassword: askPassword, XLSX_TYPE: XLSX_TYPE
  };
})();
