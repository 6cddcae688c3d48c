import type { SummaryModel } from '#shared/pack/summaryModelSchema.ts';
import { drawBar } from './drawCharts.ts';
import { THEME } from './packTheme.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

const LABEL: TextStyle = { size: THEME.size.tiny, colour: THEME.colour.muted };
const VALUE: TextStyle = { size: THEME.size.small + 0.5 };
const NOTE_COLOURS = { fill: '#fff4d6', text: '#6d4c00' } as const;

/** A boxed warning across the page (e.g. an open session's numbers may change). */
function note(writer: PackWriter, text: string): void {
  const pad = 9;
  const style: TextStyle = { font: 'bold', size: THEME.size.small, colour: NOTE_COLOURS.text };
  const height = writer.measure(text, writer.contentWidth - 2 * pad, style) + 2 * pad;
  writer.ensure(height);
  const y = writer.y;
  writer.artifact(() => writer.doc.save().roundedRect(writer.left, y, writer.contentWidth, height, 6).fill(NOTE_COLOURS.fill).restore());
  writer.tagged('P', writer.section, () => writer.text(text, writer.left + pad, y + pad, writer.contentWidth - 2 * pad, style));
  writer.y = y + height + 8;
}

/**
 * The first page: which session of which workshop, with which rubric and
 * mentors, how it was scored, the key figures as tiles (completeness with a
 * bar), and any warning the reader must see first.
 */
export function drawSummaryCover(writer: PackWriter, model: SummaryModel): void {
  const { cover } = model;
  const doc = writer.doc;
  writer.beginSection(cover.title);
  writer.paragraph(cover.kicker.toLocaleUpperCase(model.meta.lang), { font: 'bold', size: THEME.size.kicker, colour: THEME.colour.accent }, { gapAfter: 2 });
  writer.heading(cover.title, 1, 200);

  // Two columns of facts: the workshop and rubric, then how the session was run.
  const gap = 24;
  const column = (writer.contentWidth - gap) / 2;
  const split = Math.ceil(cover.facts.length / 2);
  const top = writer.y + 4;
  const left = writer.facts(cover.facts.slice(0, split), writer.left, top, column, VALUE, 4);
  const right = writer.facts(cover.facts.slice(split), writer.left + column + gap, top, column, VALUE, 4);
  writer.y = top + Math.max(left, right) + 2;

  const mentorsLabel = model.text.cover.mentors;
  const labelY = writer.y;
  writer.tagged('P', writer.section, () => writer.text(mentorsLabel, writer.left, labelY, writer.contentWidth, LABEL));
  writer.y += writer.measure(mentorsLabel, writer.contentWidth, LABEL);
  const list = doc.struct('L');
  writer.section.add(list);
  for (const mentor of cover.mentors) {
    const line = mentor.organisation ? `${mentor.name}, ${mentor.organisation}` : mentor.name;
    const height = writer.measure(line, writer.contentWidth - 12, VALUE);
    writer.ensure(height);
    const y = writer.y;
    const item = doc.struct('LI');
    list.add(item);
    writer.artifact(() => doc.save().circle(writer.left + 3.5, y + 6.5, 2.4).fill(THEME.colour.accent).restore());
    writer.tagged('LBody', item, () => writer.text(line, writer.left + 12, y, writer.contentWidth - 12, VALUE));
    item.end();
    writer.y += height + 1;
  }
  list.end();
  writer.y += 8;

  for (const text of cover.notes) note(writer, text);

  // Key figures: tiles of three, the completeness tile with its bar.
  writer.heading(model.text.cover.figuresTitle, 2, 170);
  const perRow = 3;
  const tileGap = 10;
  const tileWidth = (writer.contentWidth - tileGap * (perRow - 1)) / perRow;
  const tileHeight = 74;
  cover.figures.forEach((figure, i) => {
    const col = i % perRow;
    if (col === 0 && i > 0) writer.y += tileHeight + tileGap;
    if (col === 0) writer.ensure(tileHeight);
    const x = writer.left + col * (tileWidth + tileGap);
    const y = writer.y;
    writer.artifact(() => doc.save().roundedRect(x, y, tileWidth, tileHeight, 6).fill(THEME.colour.panel).restore());
    writer.tagged('P', writer.section, () => {
      writer.text(figure.label, x + 10, y + 8, tileWidth - 20, LABEL);
      writer.text(figure.value, x + 10, y + 20, tileWidth - 20, { font: 'bold', size: THEME.size.title, colour: THEME.colour.accent, lineGap: 0 });
      if (figure.detail) writer.text(figure.detail, x + 10, y + 50, tileWidth - 20, { size: THEME.size.tiny, colour: THEME.colour.muted, lineGap: 0 }, 20);
    });
    if (figure.label === model.text.cover.completeness) {
      writer.artifact(() => drawBar(writer, x + tileWidth * 0.5, y + 30, tileWidth * 0.5 - 10, cover.completeness, THEME.colour.accent, 7));
    }
  });
  writer.y += tileHeight + 10;
  writer.paragraph(cover.completenessText, { size: THEME.size.small, colour: THEME.colour.text }, { gapAfter: 10 });
  writer.paragraph(cover.generated, { size: THEME.size.tiny, colour: THEME.colour.faint });
}

/** The short note on how to read the numbers, as a list. */
export function drawHowToRead(writer: PackWriter, model: SummaryModel): void {
  const doc = writer.doc;
  writer.beginSection(model.text.howToRead.title, { newPage: writer.room < 120 });
  writer.heading(model.text.howToRead.title, 2, 80);
  const list = doc.struct('L');
  writer.section.add(list);
  const style: TextStyle = { size: THEME.size.small };
  for (const line of model.howToRead) {
    const indent = 14;
    const height = writer.measure(line, writer.contentWidth - indent, style);
    writer.ensure(height);
    const y = writer.y;
    const item = doc.struct('LI');
    list.add(item);
    writer.artifact(() => doc.save().circle(writer.left + 4, y + 6, 2.6).fill(THEME.colour.accent).restore());
    writer.tagged('LBody', item, () => writer.text(line, writer.left + indent, y, writer.contentWidth - indent, style));
    item.end();
    writer.y += height + 5;
  }
  list.end();
}
