import QRCode from 'qrcode';
import { handoutSheetJobSchema, type HandoutSheetJob } from '#shared/contract/handout.ts';
import { handoutEn, handoutId } from '#shared/i18n/parts/handout.ts';
import { fill } from '#shared/pack/packText.ts';
import { loadPackFonts, type PackFonts } from '../pack/packFonts.ts';
import { openPackDocument } from '../pack/pdfDocument.ts';
import { FONT_NAMES, type Doc } from '../pack/pdfWriter.ts';
import { PAGE_SIZES, THEME } from '../pack/packTheme.ts';

/*
 * The printable sheet of QR cards: eight cards on an A4 page (two columns,
 * four rows), each with the business, the product, the QR code of its link
 * (drawn as vectors, so it prints sharp at any size), the check code, the time
 * limit and the network to join. Dashed lines to cut along. Drawn in the pack
 * worker, never in Electron's main process.
 */

const COLUMNS = 2;
const ROWS = 4;
const HEADER = 46;
/** The QR's side in points: 40 mm, which a phone reads from arm's length. */
const QR_SIDE = 113;

function clock(at: number, language: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }).format(at);
}

/** Draws a QR code's dark modules as filled runs, one path for the whole code. */
export function drawQr(doc: Doc, text: string, x: number, y: number, side: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  // Four modules of quiet zone on each side, as the standard asks.
  const module = side / (size + 8);
  const left = x + module * 4;
  const top = y + module * 4;
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col += 1;
      // A hair of overlap so that no white seam shows between runs when printed.
      doc.rect(left + start * module, top + row * module, (col - start) * module + 0.05, module + 0.05);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

export async function renderHandoutSheet(job: HandoutSheetJob, options: { fonts?: PackFonts; createdAt?: Date } = {}): Promise<Buffer> {
  const sheet = handoutSheetJobSchema.parse(job);
  const w = sheet.language === 'en' ? handoutEn.sheetText : handoutId.sheetText;
  const fonts = await (options.fonts ?? loadPackFonts());
  const lang = sheet.language === 'en' ? 'en-GB' : 'id-ID';
  const { doc, output } = openPackDocument(
    { title: w.title, author: 'Kemas Studio', subject: w.subject, keywords: 'QR, UMKM', lang },
    'A4',
    fonts,
    options.createdAt,
  );
  const [pageWidth, pageHeight] = PAGE_SIZES.A4;
  const margin = 28;
  const cardWidth = (pageWidth - margin * 2) / COLUMNS;
  const cardHeight = (pageHeight - margin * 2 - HEADER) / ROWS;
  const perPage = COLUMNS * ROWS;
  const pages = Math.max(1, Math.ceil(sheet.cards.length / perPage));
  const until = fill(w.until, { time: clock(sheet.expiresAt, sheet.language) });
  const c = THEME.colour;

  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    doc.font(FONT_NAMES.bold).fontSize(14).fillColor(c.text).text(w.title, margin, margin, { width: pageWidth - margin * 2, lineBreak: false });
    doc
      .font(FONT_NAMES.regular)
      .fontSize(9)
      .fillColor(c.muted)
      .text(`${w.cut} ${w.wifi} ${sheet.origin}`, margin, margin + 20, { width: pageWidth - margin * 2 - 90, lineBreak: false });
    doc.text(fill(w.pageOf, { page: page + 1, pages }), pageWidth - margin - 90, margin + 20, { width: 90, align: 'right', lineBreak: false });
    const top = margin + HEADER;
    // Cut lines: dashed, around and between the rows that hold cards.
    const rows = Math.ceil(Math.min(perPage, sheet.cards.length - page * perPage) / COLUMNS);
    doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor('#9aa5b1');
    for (let i = 0; i <= COLUMNS; i++) doc.moveTo(margin + i * cardWidth, top).lineTo(margin + i * cardWidth, top + rows * cardHeight);
    for (let i = 0; i <= rows; i++) doc.moveTo(margin, top + i * cardHeight).lineTo(margin + COLUMNS * cardWidth, top + i * cardHeight);
    doc.stroke().undash().restore();

    for (const [i, card] of sheet.cards.slice(page * perPage, (page + 1) * perPage).entries()) {
      const x = margin + (i % COLUMNS) * cardWidth;
      const y = top + Math.floor(i / COLUMNS) * cardHeight;
      const pad = 12;
      const textWidth = cardWidth - pad * 2;
      doc.font(FONT_NAMES.bold).fontSize(12.5).fillColor(c.text);
      doc.text(card.business, x + pad, y + pad, { width: textWidth, height: 34, ellipsis: true });
      doc.font(FONT_NAMES.regular).fontSize(9.5).fillColor(c.muted);
      doc.text(card.product, x + pad, y + pad + 34, { width: textWidth, height: 13, ellipsis: true, lineBreak: false });
      const qrTop = y + pad + 52;
      drawQr(doc, card.url, x + pad - 4, qrTop, QR_SIDE);
      const right = x + pad + QR_SIDE + 2;
      const rightWidth = cardWidth - (right - x) - pad;
      doc.font(FONT_NAMES.regular).fontSize(9).fillColor(c.text).text(w.scan, right, qrTop + 8, { width: rightWidth });
      doc.font(FONT_NAMES.regular).fontSize(8.5).fillColor(c.muted).text(w.wifi, right, doc.y + 3, { width: rightWidth });
      doc.font(FONT_NAMES.bold).fontSize(15).fillColor(c.accent).text(fill(w.code, { code: card.code }), right, doc.y + 8, { width: rightWidth });
      doc.font(FONT_NAMES.regular).fontSize(8.5).fillColor(c.muted).text(until, right, doc.y + 4, { width: rightWidth });
    }
  }
  doc.end();
  return output;
}
