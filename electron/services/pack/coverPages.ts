import type { PackAction, PackModel } from '#shared/pack/packModelSchema.ts';
import { PACK_SEVERITY_COLOURS } from '#shared/pack/packColours.ts';
import { drawGauge } from './drawCharts.ts';
import { THEME, VERDICT_COLOURS } from './packTheme.ts';
import type { PackWriter, Struct, TextStyle } from './pdfWriter.ts';

const LABEL: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.muted };
const VALUE: TextStyle = { size: THEME.size.body };

/** A small rounded label with a soft background; the text is tagged as a paragraph of `parent`, the background is an artifact. */
export function chip(
  writer: PackWriter,
  text: string,
  x: number,
  y: number,
  colours: { fill: string; text: string },
  size: number = THEME.size.small,
  parent: Struct | null = writer.section,
): number {
  const style: TextStyle = { font: 'bold', size, colour: colours.text };
  const width = writer.widthOf(text, style) + 14;
  const height = size * 1.9;
  writer.artifact(() => writer.doc.save().roundedRect(x, y, width, height, height / 2).fill(colours.fill).restore());
  const draw = () => writer.text(text, x, y + (height - size * 1.36) / 2, width, { ...style, align: 'center', lineGap: 0 });
  if (parent) writer.tagged('P', parent, draw);
  else draw();
  return width;
}

/** The first page: who and what, the score and verdict, the three-line summary, how to read the pack. */
export function drawCover(writer: PackWriter, model: PackModel): void {
  const { cover } = model;
  const doc = writer.doc;
  writer.beginSection(cover.title);
  writer.paragraph(cover.kicker.toLocaleUpperCase(model.meta.lang), { font: 'bold', size: THEME.size.kicker, colour: THEME.colour.accent }, { gapAfter: 2 });
  writer.heading(cover.title, 1, 200);

  // Two columns: the workshop and its mentors, the participant and the design.
  const gap = 24;
  const column = (writer.contentWidth - gap) / 2;
  const top = writer.y + 4;
  const rightHeight = writer.facts(cover.participantFacts, writer.left + column + gap, top, column, VALUE, 5);
  let y = top + writer.facts(cover.workshopFacts, writer.left, top, column, VALUE, 5);
  const mentorsLabel = cover.mentorsLabel;
  const labelY = y;
  writer.tagged('P', writer.section, () => writer.text(mentorsLabel, writer.left, labelY, column, LABEL));
  y += writer.measure(mentorsLabel, column, LABEL);
  for (const mentor of model.mentors) {
    const line = `${mentor.letter ? `${mentor.letter} – ` : ''}${mentor.name}${mentor.organisation ? `, ${mentor.organisation}` : ''}`;
    const indent = mentor.colour ? 14 : 0;
    const lineY = y;
    if (mentor.colour) {
      const colour = mentor.colour;
      writer.artifact(() => doc.save().circle(writer.left + 5, lineY + 7.5, 4.5).fill(colour).restore());
    }
    writer.tagged('P', writer.section, () => writer.text(line, writer.left + indent, lineY, column - indent, VALUE));
    y += writer.measure(line, column - indent, VALUE) + 2;
  }
  writer.y = Math.max(y, top + rightHeight) + 4;
  writer.paragraph(cover.generated, { size: THEME.size.tiny, colour: THEME.colour.faint }, { gapAfter: 12 });

  // The score panel.
  const panelHeight = 118;
  writer.ensure(panelHeight + 10);
  const py = writer.y;
  writer.artifact(() => doc.save().roundedRect(writer.left, py, writer.contentWidth, panelHeight, 8).fill(THEME.colour.panel).restore());
  const inset = 16;
  const scoreWidth = writer.contentWidth * 0.55;
  writer.tagged('P', writer.section, () => {
    writer.text(cover.overall.label, writer.left + inset, py + 12, scoreWidth, { ...LABEL, size: THEME.size.small });
    const big: TextStyle = { font: 'bold', size: cover.overall.value === null ? THEME.size.h2 : THEME.size.bigScore, colour: THEME.colour.accent, lineGap: 0 };
    writer.text(cover.overall.display, writer.left + inset, py + 26, scoreWidth, big);
    if (cover.overall.value !== null) {
      const w = writer.widthOf(cover.overall.display, big);
      writer.text(cover.overall.outOf, writer.left + inset + w + 6, py + 52, scoreWidth - w, { size: THEME.size.body, colour: THEME.colour.muted });
    }
  });
  writer.artifact(() => drawGauge(writer, writer.left + inset, py + 84, scoreWidth - inset, cover.overall.value));
  const vx = writer.left + scoreWidth + inset;
  const vWidth = writer.contentWidth - scoreWidth - inset * 2;
  if (cover.overall.verdict && cover.overall.verdictCode) {
    const verdict = cover.overall.verdict;
    const code = cover.overall.verdictCode;
    writer.tagged('P', writer.section, () => writer.text(model.text.cover.verdict, vx, py + 12, vWidth, { ...LABEL, size: THEME.size.small }));
    chip(writer, verdict, vx, py + 30, VERDICT_COLOURS[code], THEME.size.body);
  }
  if (cover.overall.note) {
    const note = cover.overall.note;
    writer.tagged('P', writer.section, () => writer.text(note, vx, py + 66, vWidth, { size: THEME.size.small, colour: THEME.colour.muted }));
  }
  writer.y = py + panelHeight + 6;

  // The summary: three plain lines.
  writer.heading(cover.summaryTitle, 2, 90);
  const list = doc.struct('L');
  writer.section.add(list);
  for (const line of cover.summary) {
    const indent = 16;
    const height = writer.measure(line, writer.contentWidth - indent, VALUE);
    writer.ensure(height);
    const y = writer.y;
    const item = doc.struct('LI');
    list.add(item);
    writer.artifact(() => doc.save().circle(writer.left + 5, y + 8, 3.2).fill(THEME.colour.accent).restore());
    writer.tagged('LBody', item, () => writer.text(line, writer.left + indent, y, writer.contentWidth - indent, VALUE));
    item.end();
    writer.y = y + height + 5;
  }
  list.end();

  // How to read the pack, with the colour key.
  writer.heading(cover.howToReadTitle, 3, 60);
  writer.paragraph(cover.howToRead, { size: THEME.size.small, colour: THEME.colour.text });
  drawColourKey(writer, cover);
}

/** What the marks' colours mean (severities, or each mentor's colour), as coloured dots with their words. */
export function drawColourKey(writer: PackWriter, cover: PackModel['cover']): void {
  const doc = writer.doc;
  writer.paragraph(cover.colourKeyTitle, { size: writer.theme.size.small, colour: writer.theme.colour.muted }, { gapAfter: 3 });
  // Lay the key out first: chips are artifacts and must not sit inside the tagged text.
  writer.ensure(18);
  const placed: { x: number; y: number; colour: string; label: string; width: number }[] = [];
  let kx = writer.left;
  let ky = writer.y;
  for (const key of cover.colourKey) {
    const width = writer.widthOf(key.label, { size: writer.theme.size.small }) + 22;
    if (kx + width > writer.right && kx > writer.left) {
      kx = writer.left;
      ky += Math.max(16, writer.theme.size.small * 1.75);
    }
    placed.push({ x: kx, y: ky, colour: key.colour, label: key.label, width });
    kx += width + 10;
  }
  writer.artifact(() => {
    for (const p of placed) doc.save().circle(p.x + 6, p.y + 6.5, 5.5).lineWidth(1.2).fillAndStroke(p.colour, writer.theme.colour.white).restore();
  });
  writer.tagged('P', writer.section, () => {
    for (const p of placed) writer.text(p.label, p.x + 15, p.y, p.width, { size: writer.theme.size.small });
  });
  writer.y = ky + 26;
}

const LIST_COLOURS = {
  mustFix: PACK_SEVERITY_COLOURS['must-fix'],
  suggestions: PACK_SEVERITY_COLOURS.suggestion,
  strengths: PACK_SEVERITY_COLOURS.strength,
} as const;

function actionList(writer: PackWriter, title: string, colour: string, items: readonly PackAction[], empty: string): void {
  const doc = writer.doc;
  writer.heading(title, 3, 50);
  // A coloured bar beside the heading ties the list to its marks' colour.
  const barY = writer.y - writer.theme.size.h3 * 1.45 - writer.theme.gap.afterHeading;
  writer.artifact(() => doc.save().rect(writer.left - 10, barY + 2, 4, writer.theme.size.h3 * 1.2).fill(colour).restore());
  if (items.length === 0) {
    writer.paragraph(empty, { colour: writer.theme.colour.muted });
    return;
  }
  const value: TextStyle = { size: writer.theme.size.body };
  const list = doc.struct('L');
  writer.section.add(list);
  items.forEach((action, index) => {
    const number = `${index + 1}.`;
    const indent = 22;
    const width = writer.contentWidth - indent;
    const meta = [action.refs, action.by].filter((s): s is string => s !== null).join(' ');
    const metaStyle: TextStyle = { size: writer.theme.size.small, colour: writer.theme.colour.muted };
    const height = writer.measure(action.text, width, value) + (meta ? writer.measure(meta, width, metaStyle) + 1 : 0);
    writer.ensure(Math.min(height, writer.pageRoom));
    const y = writer.y;
    const item = doc.struct('LI');
    list.add(item);
    writer.tagged('Lbl', item, () => writer.text(number, writer.left, y, indent - 4, { ...value, font: 'bold', colour }));
    const body = doc.struct('LBody');
    item.add(body);
    writer.tagged('P', body, () => writer.text(action.text, writer.left + indent, y, width, value));
    let cy = y + writer.measure(action.text, width, value);
    if (meta) {
      writer.tagged('P', body, () => writer.text(meta, writer.left + indent, cy + 1, width, metaStyle));
      cy += writer.measure(meta, width, metaStyle) + 1;
    }
    body.end();
    item.end();
    writer.y = cy + 6;
  });
  list.end();
}

/**
 * The action plan: must fix, suggestions, strengths; on a new page when less
 * than `newPageBelow` points are left (260 on paper). `intro: false` leaves
 * out the line on how to work through it (the phone's first page has no room).
 */
export function drawActionPlan(writer: PackWriter, model: PackModel, options: { newPageBelow?: number; intro?: boolean } = {}): void {
  const text = model.text.actions;
  writer.beginSection(text.title, { newPage: writer.room < (options.newPageBelow ?? 260) });
  writer.heading(text.title, 2, 90);
  if (options.intro !== false) writer.paragraph(text.intro, { size: writer.theme.size.small, colour: writer.theme.colour.muted });
  actionList(writer, text.mustFix, LIST_COLOURS.mustFix, model.actions.mustFix, text.empty);
  actionList(writer, text.suggestions, LIST_COLOURS.suggestions, model.actions.suggestions, text.empty);
  actionList(writer, text.strengths, LIST_COLOURS.strengths, model.actions.strengths, text.empty);
}
