/* The document model of calculators/documents/blocks.py as a Word document (.docx), with the
   `docx` library (npm, pinned in package.json, copied into the site by macros/docx_hook.py as
   assets/javascripts/vendor/docx.iife.js). Loaded by documents.js on the first download only.

   Layout after the national standard for official documents (GB/T 9704-2012): A4, margins
   37/35/28/26 mm (top/bottom/left/right), so a text block of 156 x 225 mm; body 仿宋 三号 (16 pt)
   on a document grid of 22 lines of 28 characters (Word's 文档网格: line pitch 225 mm / 22, character
   pitch 156 mm / 28); title 2号 in 方正小标宋简体, not bold (the face is heavy; Word substitutes a
   Song face where it is missing); headings 黑体 三号; page numbers 4号 半角 "— 1 —" 7 mm below the
   text block, at the outside edge one character in (odd pages right, even pages left).
   Headings keep with the next paragraph; text marked keep_next keeps with what follows, so the
   signature block (never split) always has text above it on its page; a table's group row keeps
   with the row after it. Headings use Word's Title / Heading 1 styles (navigation pane), tables
   are real Word tables with a repeated header row; 【……】 placeholders are highlighted yellow.
   "note" blocks are guidance on screen only and are not written; nor is the seal position.

   window.YingsuDocx.build(model) -> docx.Document; YingsuDocx.toBlob(model) -> Promise<Blob>. */
(function (root) {
  "use strict";

  var D = root.docx;
  if (!D) throw new Error("docx library not loaded");

  function font(eastAsia) {
    return { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: eastAsia, cs: "Times New Roman" };
  }
  var BODY_FONT = font("仿宋");
  var TITLE_FONT = font("方正小标宋简体");
  var HEADING_FONT = font("黑体");
  var NUMBER_FONT = font("宋体");
  var BODY_SIZE = 32;      // half-points: 16 pt, 三号
  var TITLE_SIZE = 44;     // 22 pt, 二号
  var TABLE_SIZE = 24;     // 12 pt, 小四, so that seven columns fit
  var COMPACT_SIZE = 21;   // 10.5 pt, 五号, for long tables (the checklist)
  var NUMBER_SIZE = 28;    // 14 pt, 四号, page numbers
  var TITLE_LINE = 700;    // twips: 35 pt, a title of several lines stays compact
  var MARGIN = { top: 37, bottom: 35, left: 28, right: 26 }; // mm
  var LINES = 22, CHARS = 28;
  var TEXT_WIDTH = D.convertMillimetersToTwip(210 - MARGIN.left - MARGIN.right);
  var TEXT_HEIGHT = D.convertMillimetersToTwip(297 - MARGIN.top - MARGIN.bottom);
  var LINE = Math.floor(TEXT_HEIGHT / LINES);          // 579 twips: 22 lines fill the text block
  var PITCH = TEXT_WIDTH / CHARS;                      // 315.9 twips a character
  // docGrid charSpace: (character pitch - body size) in 1/4096 pt
  var CHAR_SPACE = Math.floor((PITCH / 20 - BODY_SIZE / 2) * 4096);
  var INDENT = Math.round(2 * PITCH);                  // two characters
  var NUMBER_INDENT = NUMBER_SIZE * 10;                // one 四号 character, in twips
  var FOOTER = D.convertMillimetersToTwip(MARGIN.bottom - 7) - NUMBER_SIZE * 10 - 60; // number 7 mm below the block
  var OFF_GRID = { snapToGrid: false };                // titles, tables, footers keep their own spacing

  /** Runs for `text`, each 【……】 highlighted. */
  function runs(text, extra) {
    var out = [];
    String(text).split(/(【[^】]*】)/).forEach(function (part, i) {
      if (!part) return;
      var options = Object.assign({ text: part }, extra || {});
      if (i % 2 === 1) options.highlight = "yellow";
      out.push(new D.TextRun(options));
    });
    return out.length ? out : [new D.TextRun(Object.assign({ text: "" }, extra || {}))];
  }

  var ALIGN = { left: D.AlignmentType.JUSTIFIED, center: D.AlignmentType.CENTER, right: D.AlignmentType.RIGHT };

  function paragraph(block) {
    var indent;
    if (block.indent) indent = { firstLine: INDENT, firstLineChars: 200 };
    else if (block.left) indent = { left: Math.round(block.left * PITCH) };
    return new D.Paragraph({
      children: runs(block.text),
      alignment: ALIGN[block.align] || D.AlignmentType.JUSTIFIED,
      indent: indent,
      keepNext: block.keep_next || undefined
    });
  }

  function heading(block) {
    if (block.level === 1) {
      return new D.Paragraph({ heading: D.HeadingLevel.TITLE, children: runs(block.text, OFF_GRID), keepNext: true });
    }
    return new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: runs(block.text), keepNext: true });
  }

  /** A cell's paragraphs: "\n" starts a new one. */
  function cellParagraphs(text, options) {
    return String(text).split("\n").map(function (part) {
      return new D.Paragraph({
        children: runs(part, Object.assign({ size: options.size }, OFF_GRID, options.label ? { font: HEADING_FONT } : {})),
        alignment: options.align || D.AlignmentType.LEFT,
        keepNext: options.keepNext || undefined,
        spacing: { line: 340, lineRule: D.LineRuleType.AT_LEAST, before: 40, after: 40 }
      });
    });
  }

  function table(block) {
    var widths = block.widths.map(function (w) { return Math.round(TEXT_WIDTH * w / 100); });
    var size = block.compact ? COMPACT_SIZE : TABLE_SIZE;
    var cantSplit = !block.compact && !block.breakable; // long rows may continue on the next page
    var whole = !!block.whole;                          // a short table kept on one page
    var form = block.header === false;
    var rows = [];
    if (!form) {
      rows.push(new D.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.columns.map(function (c, i) {
          return new D.TableCell({
            width: { size: widths[i], type: D.WidthType.DXA },
            verticalAlign: D.VerticalAlignTable.CENTER,
            shading: { type: D.ShadingType.CLEAR, fill: "E7E6E6", color: "auto" },
            children: cellParagraphs(c, { size: size, label: true, align: D.AlignmentType.CENTER })
          });
        })
      }));
    }
    var n = block.rows.length;
    block.rows.forEach(function (row, r) {
      // a group row keeps with the next row; the last rows keep with what follows the table
      var keepNext = row.group !== undefined || (block.keep_end && r >= n - 2) || (whole && r < n - 1);
      if (row.group !== undefined) {
        rows.push(new D.TableRow({
          cantSplit: true,
          keepNext: keepNext,
          children: [new D.TableCell({
            columnSpan: block.columns.length,
            width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
            shading: { type: D.ShadingType.CLEAR, fill: "F4F4F4", color: "auto" },
            children: cellParagraphs(row.group, { size: size, label: true, keepNext: keepNext })
          })]
        }));
        return;
      }
      rows.push(new D.TableRow({
        cantSplit: cantSplit,
        keepNext: keepNext || undefined,
        children: row.cells.map(function (c, i) {
          var label = form && i === 0;
          return new D.TableCell({
            width: { size: widths[i], type: D.WidthType.DXA },
            verticalAlign: label ? D.VerticalAlignTable.CENTER : undefined,
            children: cellParagraphs(c, {
              size: size, label: label, keepNext: keepNext,
              align: i === 0 && !form ? D.AlignmentType.CENTER : D.AlignmentType.LEFT
            })
          });
        })
      }));
    });
    return new D.Table({
      rows: rows,
      width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
      columnWidths: widths,
      layout: D.TableLayoutType.FIXED,
      margins: { top: 40, bottom: 40, left: 80, right: 80 }
    });
  }

  /** The signature block: never split, right-aligned two characters in; a line of space above. */
  function signature(block) {
    return block.lines.map(function (line, i) {
      return new D.Paragraph({
        children: runs(line),
        alignment: D.AlignmentType.RIGHT,
        indent: { right: INDENT },
        keepNext: i < block.lines.length - 1 || !!block.keep_next,
        keepLines: true,
        spacing: i === 0 ? { before: LINE } : undefined
      });
    });
  }

  /** {type: "image", data: PNG bytes, width, height (px), caption}: a picture (a chart of the
      statistics report) scaled to the text width at most, centred, its caption below. */
  function image(block) {
    var maxWidth = 600; // px at 96 dpi: about 159 mm, the text width of the page
    var scale = Math.min(1, maxWidth / block.width);
    var out = [new D.Paragraph({
      alignment: D.AlignmentType.CENTER,
      spacing: { line: 240, lineRule: D.LineRuleType.AUTO },
      children: [new D.ImageRun({ type: "png", data: block.data,
        transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
        altText: { title: block.caption || "", description: block.caption || "", name: block.caption || "图" } })]
    })];
    if (block.caption) out.push(new D.Paragraph({ alignment: D.AlignmentType.CENTER, children: runs(block.caption, { size: 24 }) }));
    return out;
  }

  function children(model) {
    var out = [];
    model.blocks.forEach(function (block) {
      if (block.type === "heading") out.push(heading(block));
      else if (block.type === "paragraph") out.push(paragraph(block));
      else if (block.type === "table") {
        out.push(table(block));
        // Word needs a paragraph between a table and what follows; it keeps with it when the table does
        out.push(new D.Paragraph({ children: [], keepNext: block.keep_end || undefined, spacing: { line: 240, lineRule: D.LineRuleType.AUTO } }));
      } else if (block.type === "signature") out = out.concat(signature(block));
      else if (block.type === "image") out = out.concat(image(block));
      // "note": guidance on screen only
    });
    return out;
  }

  /** "— 1 —" at the outside edge: right on odd pages, left on even pages, one character in. */
  function pageNumber(side) {
    return new D.Footer({
      children: [new D.Paragraph({
        alignment: side === "right" ? D.AlignmentType.RIGHT : D.AlignmentType.LEFT,
        indent: side === "right" ? { right: NUMBER_INDENT } : { left: NUMBER_INDENT },
        spacing: { line: 240, lineRule: D.LineRuleType.AUTO },
        children: [new D.TextRun({ children: ["— ", D.PageNumber.CURRENT, " —"], font: NUMBER_FONT, size: NUMBER_SIZE, snapToGrid: false })]
      })]
    });
  }

  function build(model) {
    return new D.Document({
      title: model.title,
      creator: "聊城市行政应诉工作知识库",
      description: "由应诉文书生成计算器生成的初稿，【】中的内容须补充。",
      evenAndOddHeaderAndFooters: true,
      styles: {
        default: {
          document: {
            run: { font: BODY_FONT, size: BODY_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } },
            paragraph: { spacing: { line: LINE, lineRule: D.LineRuleType.EXACT }, widowControl: true }
          },
          title: {
            run: { font: TITLE_FONT, size: TITLE_SIZE, bold: false, color: "000000" },
            paragraph: { alignment: D.AlignmentType.CENTER, spacing: { before: 0, after: LINE, line: TITLE_LINE, lineRule: D.LineRuleType.EXACT } }
          },
          heading1: {
            run: { font: HEADING_FONT, size: BODY_SIZE, bold: false, color: "000000" },
            paragraph: { indent: { firstLine: INDENT, firstLineChars: 200 }, spacing: { before: 0, after: 0, line: LINE, lineRule: D.LineRuleType.EXACT }, keepNext: true }
          }
        }
      },
      sections: [{
        properties: {
          page: {
            size: { width: D.convertMillimetersToTwip(210), height: D.convertMillimetersToTwip(297), orientation: D.PageOrientation.PORTRAIT },
            margin: {
              top: D.convertMillimetersToTwip(MARGIN.top), bottom: D.convertMillimetersToTwip(MARGIN.bottom),
              left: D.convertMillimetersToTwip(MARGIN.left), right: D.convertMillimetersToTwip(MARGIN.right),
              footer: FOOTER
            }
          },
          grid: { type: D.DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE }
        },
        footers: { default: pageNumber("right"), even: pageNumber("left") },
        children: children(model)
      }]
    });
  }

  function toBlob(model) {
    return D.Packer.toBlob(build(model));
  }

  root.YingsuDocx = { build: build, toBlob: toBlob, version: "2",
    layout: { line: LINE, charSpace: CHAR_SPACE, lines: LINES, chars: CHARS } };
})(typeof window !== "undefined" ? window : globalThis);
