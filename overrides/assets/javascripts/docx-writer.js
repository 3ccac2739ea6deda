/* The document model of calculators/documents/blocks.py as a Word document (.docx), with the
   `docx` library (npm, pinned in package.json, copied into the site by macros/docx_hook.py as
   assets/javascripts/vendor/docx.iife.js). Loaded by documents.js on the first download only.

   Layout after the national standard for official documents (GB/T 9704-2012): A4, margins
   37/35/28/26 mm (top/bottom/left/right), body 仿宋 三号 (16 pt) at a fixed 28 pt line, title
   宋体 二号 (22 pt) bold centred, headings 黑体 三号, page number "— 1 —" at the foot.
   Headings use Word's Title / Heading 1 styles (they show in the navigation pane), tables are
   real Word tables with a repeated header row; 【……】 placeholders are highlighted yellow.
   "note" blocks are guidance on screen only and are not written.

   window.YingsuDocx.build(model) -> docx.Document; YingsuDocx.toBlob(model) -> Promise<Blob>. */
(function () {
  "use strict";

  var D = window.docx;
  if (!D) throw new Error("docx library not loaded");

  var BODY_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋", cs: "Times New Roman" };
  var TITLE_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "宋体", cs: "Times New Roman" };
  var HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" };
  var BODY_SIZE = 32;      // half-points: 16 pt, 三号
  var TITLE_SIZE = 44;     // 22 pt, 二号
  var TABLE_SIZE = 24;     // 12 pt, 小四, so that six columns fit
  var COMPACT_SIZE = 21;   // 10.5 pt, 五号, for long tables (the checklist)
  var LINE = 560;          // twips: fixed 28 pt line
  var INDENT = 2 * BODY_SIZE * 10; // two characters of 16 pt, in twips
  var MARGIN = { top: 37, bottom: 35, left: 28, right: 26 }; // mm
  var TEXT_WIDTH = D.convertMillimetersToTwip(210 - MARGIN.left - MARGIN.right);

  /** Runs for `text`, each 【……】 highlighted; line breaks kept. */
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
    return new D.Paragraph({
      children: runs(block.text),
      alignment: ALIGN[block.align] || D.AlignmentType.JUSTIFIED,
      indent: block.indent ? { firstLine: INDENT } : undefined
    });
  }

  function heading(block) {
    if (block.level === 1) {
      return new D.Paragraph({ heading: D.HeadingLevel.TITLE, children: runs(block.text) });
    }
    return new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, children: runs(block.text) });
  }

  function cellParagraph(text, options) {
    return new D.Paragraph({
      children: runs(text, Object.assign({ size: options.size }, options.bold ? { bold: true, font: HEADING_FONT } : {})),
      alignment: options.align || D.AlignmentType.LEFT,
      spacing: { line: 340, lineRule: D.LineRuleType.AT_LEAST, before: 40, after: 40 }
    });
  }

  function table(block) {
    var widths = block.widths.map(function (w) { return Math.round(TEXT_WIDTH * w / 100); });
    var size = block.compact ? COMPACT_SIZE : TABLE_SIZE;
    var cantSplit = !block.compact; // long rows of a compact table may continue on the next page
    var header = new D.TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.columns.map(function (c, i) {
        return new D.TableCell({
          width: { size: widths[i], type: D.WidthType.DXA },
          verticalAlign: D.VerticalAlignTable.CENTER,
          shading: { type: D.ShadingType.CLEAR, fill: "E7E6E6", color: "auto" },
          children: [cellParagraph(c, { size: size, bold: true, align: D.AlignmentType.CENTER })]
        });
      })
    });
    var rows = block.rows.map(function (row) {
      if (row.group !== undefined) {
        return new D.TableRow({
          cantSplit: cantSplit,
          children: [new D.TableCell({
            columnSpan: block.columns.length,
            width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
            children: [cellParagraph(row.group, { size: size, bold: true })]
          })]
        });
      }
      return new D.TableRow({
        cantSplit: cantSplit,
        children: row.cells.map(function (c, i) {
          return new D.TableCell({
            width: { size: widths[i], type: D.WidthType.DXA },
            children: [cellParagraph(c, { size: size, align: i === 0 ? D.AlignmentType.CENTER : D.AlignmentType.LEFT })]
          });
        })
      });
    });
    return new D.Table({
      rows: [header].concat(rows),
      width: { size: TEXT_WIDTH, type: D.WidthType.DXA },
      columnWidths: widths,
      layout: D.TableLayoutType.FIXED,
      margins: { top: 40, bottom: 40, left: 80, right: 80 }
    });
  }

  function signature(block) {
    return block.lines.map(function (line, i) {
      return new D.Paragraph({
        children: runs(line),
        alignment: D.AlignmentType.RIGHT,
        indent: { right: INDENT },
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
        out.push(new D.Paragraph({ children: [] })); // Word needs a paragraph between a table and what follows
      } else if (block.type === "signature") out = out.concat(signature(block));
      else if (block.type === "image") out = out.concat(image(block));
      // "note": guidance on screen only
    });
    return out;
  }

  function footer() {
    return new D.Footer({
      children: [new D.Paragraph({
        alignment: D.AlignmentType.CENTER,
        children: [new D.TextRun({ children: ["— ", D.PageNumber.CURRENT, " —"], font: TITLE_FONT, size: 28 })]
      })]
    });
  }

  function build(model) {
    return new D.Document({
      title: model.title,
      creator: "聊城市行政应诉工作知识库",
      description: "由应诉文书生成计算器生成的初稿，【】中的内容须补充。",
      styles: {
        default: {
          document: {
            run: { font: BODY_FONT, size: BODY_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } },
            paragraph: { spacing: { line: LINE, lineRule: D.LineRuleType.EXACT } }
          },
          title: {
            run: { font: TITLE_FONT, size: TITLE_SIZE, bold: true, color: "000000" },
            paragraph: { alignment: D.AlignmentType.CENTER, spacing: { before: 0, after: LINE, line: 700, lineRule: D.LineRuleType.AT_LEAST } }
          },
          heading1: {
            run: { font: HEADING_FONT, size: BODY_SIZE, bold: false, color: "000000" },
            paragraph: { indent: { firstLine: INDENT }, spacing: { before: 0, after: 0, line: LINE, lineRule: D.LineRuleType.EXACT }, keepNext: true }
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
              footer: D.convertMillimetersToTwip(20)
            }
          }
        },
        footers: { default: footer() },
        children: children(model)
      }]
    });
  }

  function toBlob(model) {
    return D.Packer.toBlob(build(model));
  }

  window.YingsuDocx = { build: build, toBlob: toBlob, version: "1" };
})();
