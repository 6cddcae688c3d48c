import type PDFDocument from 'pdfkit';
import type { PackFonts } from './packFonts.ts';
import { THEME, type PackTheme } from './packTheme.ts';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;
export type FontName = 'regular' | 'bold';

/**
 * Characters Noto Sans lacks that have a plain stand-in: a minus sign (U+2212,
 * which formatChange writes) prints as a hyphen-minus instead of vanishing and
 * turning "−0,5" into "0,5".
 */
const STAND_INS: Readonly<Record<string, string>> = { '\u2212': '-' };

/** Names the fonts are registered under in the document. */
export const FONT_NAMES: Readonly<Record<FontName, string>> = { regular: 'NotoSans', bold: 'NotoSans-Bold' };

export interface TextStyle {
  font?: FontName;
  size?: number;
  colour?: string;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

/**
 * A cursor over pdfkit pages: where the next block goes, when a page is full,
 * and how content enters the structure tree (tagged PDF). Pages break only
 * here, between blocks, so every block is measured before it is drawn; only a
 * single text taller than a whole page lets pdfkit flow it on.
 */
export class PackWriter {
  readonly doc: Doc;
  /** Sizes and margins of the layout (paper or phone). */
  readonly theme: PackTheme;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly contentWidth: number;
  y: number;
  /** The structure element new blocks join. */
  section: Struct;
  private readonly root: Struct;
  private readonly fonts: PackFonts;
  private readonly drawable = new Map<number, boolean>();

  constructor(doc: Doc, root: Struct, fonts: PackFonts, theme: PackTheme = THEME) {
    this.doc = doc;
    this.theme = theme;
    this.left = theme.margin.left;
    this.top = theme.margin.top;
    this.root = root;
    this.fonts = fonts;
    this.section = root;
    this.pageWidth = doc.page.width;
    this.pageHeight = doc.page.height;
    this.right = this.pageWidth - theme.margin.right;
    this.bottom = this.pageHeight - theme.margin.bottom;
    this.contentWidth = this.right - this.left;
    this.y = this.top;
  }

  /** Sets font, size and fill colour for what follows. */
  style(style: TextStyle = {}): this {
    this.doc
      .font(FONT_NAMES[style.font ?? 'regular'])
      .fontSize(style.size ?? this.theme.size.body)
      .fillColor(style.colour ?? this.theme.colour.text);
    return this;
  }

  /**
   * The text without characters the font cannot draw (an emoji in a shop's
   * name, a script Noto Sans lacks): they would print as empty boxes. One
   * with a stand-in (a minus sign) prints as that. Whitespace always stays.
   */
  printable(text: string): string {
    let out = '';
    let dropped = false;
    for (const char of text) {
      if (this.canDraw(char)) out += char;
      else if (STAND_INS[char] !== undefined && this.canDraw(STAND_INS[char])) out += STAND_INS[char];
      else dropped = true;
    }
    return dropped ? out.replace(/ {2,}/g, ' ').trim() : out;
  }

  private canDraw(char: string): boolean {
    const code = char.codePointAt(0) as number;
    let ok = this.drawable.get(code);
    if (ok === undefined) {
      ok = /\s/u.test(char) || (this.fonts.regular.hasGlyphForCodePoint(code) && this.fonts.bold.hasGlyphForCodePoint(code));
      this.drawable.set(code, ok);
    }
    return ok;
  }

  /**
   * A column of facts on a cover, each a small muted label above its value in
   * `value` style, `gap` points apart; each fact is one tagged paragraph.
   * Returns the column's height.
   */
  facts(list: readonly { label: string; value: string }[], x: number, y: number, width: number, value: TextStyle, gap: number): number {
    const label: TextStyle = { size: this.theme.size.tiny, colour: this.theme.colour.muted };
    let cy = y;
    for (const fact of list) {
      this.tagged('P', this.section, () => {
        this.text(fact.label, x, cy, width, label);
        cy += this.measure(fact.label, width, label);
        this.text(fact.value, x, cy, width, value);
        cy += this.measure(fact.value, width, value) + gap;
      });
    }
    return cy - y;
  }

  /** Height of `text` wrapped at `width` in `style`. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.heightOfString(this.printable(text), { width, lineGap: style.lineGap ?? this.theme.lineGap });
  }

  /** Width of one line of `text` in `style`. */
  widthOf(text: string, style: TextStyle = {}): number {
    this.style(style);
    return this.doc.widthOfString(this.printable(text));
  }

  /** Draws text at (x, y) wrapped at `width`; returns its height. `maxHeight` cuts a text taller than a page with an ellipsis. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}, maxHeight?: number): number {
    this.style(style);
    const options: PDFKit.Mixins.TextOptions = { width, lineGap: style.lineGap ?? this.theme.lineGap, align: style.align ?? 'left' };
    if (maxHeight !== undefined) Object.assign(options, { height: maxHeight, ellipsis: '…' });
    const before = y;
    this.doc.text(this.printable(text), x, y, options);
    // pdfkit may have flowed onto a new page: then the cursor is on that page.
    return this.doc.y >= before ? this.doc.y - before : this.doc.y - this.top;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  /** The tallest block that fits on an empty page. */
  get pageRoom(): number {
    return this.bottom - this.top;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.top;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.top + 0.5) this.newPage();
  }

  /** A new section of the structure tree (a chapter of the pack), optionally on a new page. */
  beginSection(title: string, options: { newPage?: boolean } = {}): void {
    if (options.newPage && this.y > this.top + 0.5) this.newPage();
    this.endSection();
    this.section = this.doc.struct('Sect', { title });
    this.root.add(this.section);
  }

  endSection(): void {
    if (this.section !== this.root) this.section.end();
    this.section = this.root;
  }

  /** Draws decoration that is not content (rules, backgrounds, chips): screen readers skip it. */
  artifact(draw: () => void): void {
    // pdfkit would silently close open tagged content for the artifact and leave an unbalanced EMC behind.
    if ((this.doc.page as unknown as { markings: unknown[] }).markings.length > 0) throw new Error('An artifact cannot be drawn inside tagged content');
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  /** Draws content as a structure element of `type` under `parent`. */
  tagged(type: string, parent: Struct, draw: () => void, options: PDFKit.Mixins.StructureElementOptions & { scope?: string } = {}): void {
    if ((this.doc.page as unknown as { markings: unknown[] }).markings.length > 0) throw new Error('Tagged content cannot nest');
    const content = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    parent.add(this.doc.struct(type, options, [content]));
  }

  /** A heading kept on the same page as at least `keepWith` points of what follows. */
  heading(text: string, level: 1 | 2 | 3, keepWith = 70): void {
    const size = level === 1 ? this.theme.size.title : level === 2 ? this.theme.size.h2 : this.theme.size.h3;
    const style: TextStyle = { font: 'bold', size, colour: level === 3 ? this.theme.colour.text : this.theme.colour.accent };
    if (this.y > this.top + 0.5) this.y += this.theme.gap.beforeHeading * (level === 3 ? 0.6 : 1);
    const height = this.measure(text, this.contentWidth, style);
    this.ensure(height + keepWith);
    this.tagged(`H${level}`, this.section, () => this.text(text, this.left, this.y, this.contentWidth, style));
    this.y += height + this.theme.gap.afterHeading;
  }

  /** A paragraph across the content width (or from `indent`), kept whole on one page when it fits one. */
  paragraph(text: string, style: TextStyle = {}, options: { indent?: number; gapAfter?: number; parent?: Struct } = {}): void {
    const indent = options.indent ?? 0;
    const width = this.contentWidth - indent;
    const height = this.measure(text, width, style);
    this.ensure(Math.min(height, this.pageRoom));
    this.tagged('P', options.parent ?? this.section, () => {
      this.text(text, this.left + indent, this.y, width, style);
      // After the text, on whichever page pdfkit ended (a text taller than a page flows on).
      this.y = this.doc.y;
    });
    this.y += options.gapAfter ?? this.theme.gap.paragraph;
  }

  /** Page numbers and the footer on every page, as pagination artifacts. */
  footers(footer: string, pageOf: (page: number, pages: number) => string): void {
    const range = this.doc.bufferedPageRange();
    const y = this.pageHeight - this.theme.margin.bottom + this.theme.footerGap;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      // Text below the bottom margin would make pdfkit open a new page: lift the margin while drawing.
      const margin = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] });
      this.doc
        .moveTo(this.left, y - 8)
        .lineTo(this.right, y - 8)
        .lineWidth(0.5)
        .strokeColor(this.theme.colour.rule)
        .stroke();
      const number = pageOf(i + 1, range.count);
      const numberWidth = this.widthOf(number, { size: this.theme.size.tiny });
      this.text(footer, this.left, y, this.contentWidth - numberWidth - 16, { size: this.theme.size.tiny, colour: this.theme.colour.muted }, this.theme.size.tiny * 1.6);
      this.text(number, this.right - numberWidth - 1, y, numberWidth + 2, { size: this.theme.size.tiny, colour: this.theme.colour.muted });
      this.doc.endMarkedContent();
      this.doc.page.margins.bottom = margin;
    }
  }

  /** Closes the structure tree: the sections, then the document element. */
  finish(): void {
    this.endSection();
    this.root.end();
  }
}
