/* Entry of the .xlsx bundle (built by macros/ledger_bundle.mjs): read-excel-file and
   write-excel-file as window.YingsuXlsxLib. The "universal" builds take and give Blobs and
   ArrayBuffers and need nothing of Node. */
import readXlsxFile from "read-excel-file/universal";
import writeXlsxFile from "write-excel-file/universal";

window.YingsuXlsxLib = { readXlsxFile: readXlsxFile, writeXlsxFile: writeXlsxFile };
