// Small Word and PDF policy documents written by the tests themselves: a .docx (a zip of WordprocessingML
// with Word's "heading 1/2" styles) and a one-page PDF whose text uses the standard Helvetica font.
import { strToU8, zipSync } from "fflate";

const wordNamespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph: `style` "Heading1" or "Heading2" for a heading, none for body text; `bold` for a run in bold (a heading typed without a style). */
export interface WordParagraph {
  text: string;
  /** "Title", "Heading1", "Heading2", or the id of one of the document's own styles (`ownStyles`). */
  style?: string;
  bold?: boolean;
  /** A numbered list item at this level ("1.", then "1.1" one level down): Word's list numbering, not typed. */
  listLevel?: number;
  /** The print size in points, set on the run itself (direct formatting), as templates without heading styles do. */
  size?: number;
  /** A table in place of the paragraph: its rows of cells (`text` is then unused). */
  table?: string[][];
}

/**
 * `numberedHeadings`: Heading 1 and Heading 2 are numbered by Word ("2." and "2.1"), as outline-numbered
 * policies are: the numbers are in the styles' list (numbering.xml), not in the headings' text.
 * `ownStyles`: an organisation's template's styles, each based on one of Word's.
 */
export function wordDocument(paragraphs: WordParagraph[], options: { numberedHeadings?: boolean; ownStyles?: { id: string; name: string; basedOn: string }[] } = {}): Uint8Array {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:tc>`;
  const body = paragraphs
    .map(({ text, style, bold, size, listLevel, table }) => table ? `<w:tbl>${table.map((row) => `<w:tr>${row.map(cell).join("")}</w:tr>`).join("")}</w:tbl>` : `<w:p>${style || listLevel !== undefined ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${listLevel === undefined ? "" : `<w:numPr><w:ilvl w:val="${listLevel}"/><w:numId w:val="2"/></w:numPr>`}</w:pPr>` : ""}<w:r>${bold || size ? `<w:rPr>${bold ? "<w:b/>" : ""}${size ? `<w:sz w:val="${size * 2}"/>` : ""}</w:rPr>` : ""}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`)
    .join("");
  const numbered = options.numberedHeadings === true;
  const listLevel = (level: number) => (numbered ? `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>` : "");
  const style = (id: string, name: string, level?: number) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${level === undefined ? "" : listLevel(level)}</w:style>`;
  const level = (ilvl: number, pattern: string, heading?: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/>${heading ? `<w:pStyle w:val="${heading}"/>` : ""}<w:numFmt w:val="decimal"/><w:lvlText w:val="${pattern}"/></w:lvl>`;
  // List 1 numbers the heading styles; list 2 is a plain numbered list ("1.", "1.1").
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${wordNamespace}><w:abstractNum w:abstractNumId="0">${level(0, "%1.", "Heading1")}${level(1, "%1.%2", "Heading2")}</w:abstractNum><w:abstractNum w:abstractNumId="1">${level(0, "%1.")}${level(1, "%1.%2")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    "word/styles.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${wordNamespace}>${style("Title", "Title")}${style("Heading1", "heading 1", 0)}${style("Heading2", "heading 2", 1)}${(options.ownStyles ?? []).map((own) => `<w:style w:type="paragraph" w:styleId="${own.id}"><w:name w:val="${own.name}"/><w:basedOn w:val="${own.basedOn}"/></w:style>`).join("")}</w:styles>`),
    ...(numbered || paragraphs.some((paragraph) => paragraph.listLevel !== undefined) ? { "word/numbering.xml": strToU8(numbering) } : {}),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${wordNamespace}><w:body>${body}</w:body></w:document>`),
  });
}

/**
 * A PDF with one line of text per entry (long lines are the caller's to wrap), 45 lines to a page; an entry
 * with a size is printed in that many points, the rest in 10; an entry marked bold in Helvetica-Bold; an
 * entry with a `bookmark` depth is in the PDF's outline (its bookmarks), 0 at the top.
 */
export function pdfDocument(lines: (string | { text: string; size: number; bold?: boolean; bookmark?: number })[]): Uint8Array {
  const escapePdf = (text: string) => text.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");
  const printed = lines.map((line) => (typeof line === "string" ? { text: line, size: 10 } : line));
  const pages: (typeof printed)[] = [];
  for (let i = 0; i < printed.length; i += 45) pages.push(printed.slice(i, i + 45));
  // Objects: 1 catalog, 2 page tree, 3 and 4 the regular and bold fonts, then a page and its content for each page.
  const pageIds = pages.map((_, i) => 5 + i * 2);
  // The outline, after the pages: its root, then one object per bookmark, children under the last item one level up.
  const marked = printed.flatMap((line, at) => ("bookmark" in line && line.bookmark !== undefined ? [{ title: line.text, depth: line.bookmark, page: pageIds[Math.floor(at / 45)]! }] : []));
  const rootId = 5 + pages.length * 2;
  const items = marked.map((item, i) => ({ ...item, id: rootId + 1 + i, parent: rootId, children: [] as number[] }));
  for (const [i, item] of items.entries()) {
    const parent = items.slice(0, i).reverse().find((earlier) => earlier.depth === item.depth - 1);
    item.parent = parent ? parent.id : rootId;
    (parent ? parent.children : []).push(item.id);
  }
  const siblingsOf = (parent: number) => items.filter((item) => item.parent === parent).map((item) => item.id);
  const outline =
    items.length === 0
      ? []
      : [
          `<< /Type /Outlines /First ${siblingsOf(rootId)[0]} 0 R /Last ${siblingsOf(rootId).at(-1)} 0 R /Count ${items.length} >>`,
          ...items.map((item) => {
            const siblings = siblingsOf(item.parent);
            const at = siblings.indexOf(item.id);
            const links = [at > 0 ? `/Prev ${siblings[at - 1]} 0 R` : "", at < siblings.length - 1 ? `/Next ${siblings[at + 1]} 0 R` : "", item.children.length > 0 ? `/First ${item.children[0]} 0 R /Last ${item.children.at(-1)} 0 R /Count ${item.children.length}` : ""].join(" ");
            return `<< /Title (${escapePdf(item.title)}) /Parent ${item.parent} 0 R ${links} /Dest [${item.page} 0 R /XYZ 0 800 0] >>`;
          }),
        ];
  const objects = [
    items.length === 0 ? "<< /Type /Catalog /Pages 2 0 R >>" : `<< /Type /Catalog /Pages 2 0 R /Outlines ${rootId} 0 R >>`,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ...pages.flatMap((page, i) => {
      const content = ["BT", "16 TL", "40 800 Td", ...page.map((line) => `/${"bold" in line && line.bold ? "F2" : "F1"} ${line.size} Tf (${escapePdf(line.text)}) Tj T*`), "ET"].join("\n");
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageIds[i]! + 1} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`,
        `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
      ];
    }),
    ...outline,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

/** Words of a paragraph laid out in lines of at most `width` characters, as a PDF prints them. */
export function wrapLines(text: string, width = 95): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * An OpenDocument text (.odt, as LibreOffice saves): `title`, headings at an outline level (numbered by the
 * outline numbering when `numbered`, unless `unnumbered`), paragraphs, a bold paragraph, list items and a table.
 */
export function odtDocument(blocks: ({ title: string } | { heading: string; level: number; unnumbered?: boolean } | { text: string; bold?: boolean } | { items: string[] } | { table: string[][] })[], options: { numbered?: boolean } = {}): Uint8Array {
  const namespaces = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
  const body = blocks
    .map((block) => {
      if ("title" in block) return `<text:p text:style-name="P1">${escapeXml(block.title)}</text:p>`;
      if ("heading" in block) return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}"${block.unnumbered ? ' text:is-list-header="true"' : ""}>${escapeXml(block.heading)}</text:h>`;
      if ("items" in block) return `<text:list>${block.items.map((item) => `<text:list-item><text:p>${escapeXml(item)}</text:p></text:list-item>`).join("")}</text:list>`;
      if ("table" in block) return `<table:table>${block.table.map((row) => `<table:table-row>${row.map((cell) => `<table:table-cell><text:p>${escapeXml(cell)}</text:p></table:table-cell>`).join("")}</table:table-row>`).join("")}</table:table>`;
      return `<text:p${block.bold ? ' text:style-name="P2"' : ""}>${escapeXml(block.text).replace(/ {2}/g, ' <text:s text:c="1"/>')}</text:p>`;
    })
    .join("");
  const automatic = '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/><style:style style:name="P2" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>';
  const outline = options.numbered ? '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="1"/><text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/></text:outline-style>' : "";
  return zipSync({
    mimetype: strToU8("application/vnd.oasis.opendocument.text"),
    "content.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${namespaces}>${automatic}<office:body><office:text>${body}</office:text></office:body></office:document-content>`),
    "styles.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${namespaces}><office:styles>${outline}</office:styles></office:document-styles>`),
  });
}
