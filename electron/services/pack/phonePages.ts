import type { PackModel } from '#shared/pack/packModelSchema.ts';
import { chip, drawActionPlan, drawColourKey } from './coverPages.ts';
import { STATUS_COLOURS, VERDICT_COLOURS } from './packTheme.ts';
import type { PackWriter, TextStyle } from './pdfWriter.ts';

/*
 * The Ponsel layout's own sections: one column, large type, the action plan
 * on the first page, plain words for the owner, and the technical print
 * details in a short appendix for the printer at the very end.
 */

/** The first page: who and what in two lines, the score and verdict, then the action plan straight away. */
export function drawPhoneOpening(writer: PackWriter, model: PackModel): void {
  const { cover } = model;
  const theme = writer.theme;
  const doc = writer.doc;
  writer.beginSection(cover.title);
  writer.paragraph(cover.kicker.toLocaleUpperCase(model.meta.lang), { font: 'bold', size: theme.size.kicker, colour: theme.colour.accent }, { gapAfter: 2 });
  writer.heading(cover.title, 1, 150);
  const design = cover.participantFacts.find((f) => f.label === model.text.cover.design);
  if (design) writer.paragraph(design.value, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 8 });

  // The score panel, compact: the number large and the verdict as a chip under it (the gauge of the paper
  // cover would only repeat the number), so the action plan still starts on this page.
  const inset = 12;
  const inner = writer.contentWidth - inset * 2;
  const bigSize = cover.overall.value === null ? theme.size.h2 : theme.size.bigScore;
  const big: TextStyle = { font: 'bold', size: bigSize, colour: theme.colour.accent, lineGap: 0 };
  const scoreHeight = bigSize * 1.3;
  const verdictHeight = cover.overall.verdict ? theme.size.body * 1.9 + 6 : 0;
  const noteStyle: TextStyle = { size: theme.size.small, colour: theme.colour.muted };
  const noteHeight = cover.overall.note ? writer.measure(cover.overall.note, inner, noteStyle) + 2 : 0;
  const panelHeight = 8 + theme.size.small * 1.5 + scoreHeight + verdictHeight + noteHeight + 8;
  writer.ensure(panelHeight + 8);
  const py = writer.y;
  writer.artifact(() => doc.save().roundedRect(writer.left, py, writer.contentWidth, panelHeight, 8).fill(theme.colour.panel).restore());
  let y = py + 8;
  writer.tagged('P', writer.section, () => {
    writer.text(cover.overall.label, writer.left + inset, y, inner, noteStyle);
    y += theme.size.small * 1.5;
    writer.text(cover.overall.display, writer.left + inset, y, inner, big);
    if (cover.overall.value !== null) {
      const w = writer.widthOf(cover.overall.display, big);
      writer.text(cover.overall.outOf, writer.left + inset + w + 6, y + bigSize * 0.6, inner - w - 6, { size: theme.size.body, colour: theme.colour.muted });
    }
  });
  y += scoreHeight;
  if (cover.overall.verdict && cover.overall.verdictCode) {
    chip(writer, cover.overall.verdict, writer.left + inset, y, VERDICT_COLOURS[cover.overall.verdictCode], theme.size.body);
    y += verdictHeight;
  }
  if (cover.overall.note) {
    const note = cover.overall.note;
    const noteY = y;
    writer.tagged('P', writer.section, () => writer.text(note, writer.left + inset, noteY, inner, noteStyle));
  }
  writer.y = py + panelHeight + 4;

  // The plan starts on this first page: it is what the owner opened the pack for. Its headings say the order.
  drawActionPlan(writer, model, { newPageBelow: 100, intro: false });

  // How to read the pictures that follow.
  writer.heading(cover.howToReadTitle, 3, 60);
  writer.paragraph(cover.howToRead, { size: theme.size.small });
  drawColourKey(writer, cover);
}

/** Print readiness in the owner's words: per face, what it means and what to do; the numbers are in the appendix. */
export function drawPhonePrint(writer: PackWriter, model: PackModel): void {
  if (model.print.length === 0) return;
  const text = model.text.phone;
  const theme = writer.theme;
  writer.beginSection(text.printTitle, { newPage: writer.room < writer.pageRoom * 0.4 });
  writer.heading(text.printTitle, 2, 90);
  writer.paragraph(text.printIntro, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 8 });
  // Faces that need the same advice share it (three faces rarely differ): "Depan, Belakang" and the sentences once.
  const groups = new Map<string, { faces: string[]; sentences: string[]; problem: boolean }>();
  for (const row of model.print) {
    const sentences = row.plain.length > 0 ? row.plain : [row.ok ? text.printOk : model.text.noneGiven];
    const key = sentences.join('\n');
    const group = groups.get(key) ?? { faces: [], sentences, problem: row.plain.length > 0 };
    group.faces.push(row.face);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    writer.heading(group.faces.join(', '), 3, 40);
    const colour = group.problem ? STATUS_COLOURS.missing.text : STATUS_COLOURS.present.text;
    for (const [k, sentence] of group.sentences.entries()) {
      writer.paragraph(sentence, { size: theme.size.body, colour: k === 0 ? colour : theme.colour.text }, { gapAfter: 4 });
    }
  }
}

/** Who made the pack and where: the cover's facts, which on a phone come after the feedback itself. */
export function drawPhoneAbout(writer: PackWriter, model: PackModel): void {
  const { cover } = model;
  const theme = writer.theme;
  writer.beginSection(model.text.phone.about, { newPage: writer.room < writer.pageRoom * 0.45 });
  writer.heading(model.text.phone.about, 2, 120);
  const value: TextStyle = { size: theme.size.body };
  const facts = [
    ...cover.workshopFacts,
    ...cover.participantFacts,
    {
      label: cover.mentorsLabel,
      value: model.mentors.map((m) => `${m.letter ? `${m.letter} – ` : ''}${m.name}${m.organisation ? `, ${m.organisation}` : ''}`).join('\n') || model.text.noneGiven,
    },
  ];
  for (const fact of facts) writer.paragraph(`${fact.label}: ${fact.value}`, value, { gapAfter: 4 });
  writer.paragraph(cover.generated, { size: theme.size.small, colour: theme.colour.muted });
}

/**
 * The appendix for the printer, always last: per face the picture's size in
 * pixels, the resolution at the pack's size, the colour mode and profile,
 * and the technical warnings, one "label: value" line each (a six-column
 * table does not fit a phone's width).
 */
export function drawPrinterAppendix(writer: PackWriter, model: PackModel): void {
  if (model.print.length === 0) return;
  const text = model.text.phone;
  const print = model.text.print;
  const theme = writer.theme;
  writer.beginSection(text.printerTitle, { newPage: true });
  writer.heading(text.printerTitle, 2, 90);
  writer.paragraph(text.printerIntro, { size: theme.size.small, colour: theme.colour.muted });
  writer.paragraph(text.printerTarget, { size: theme.size.small, colour: theme.colour.muted }, { gapAfter: 8 });
  const value: TextStyle = { size: theme.size.small };
  for (const row of model.print) {
    writer.heading(row.face, 3, 60);
    const lines: { label: string; value: string }[] = [
      { label: print.pixels, value: row.pixelsText },
      { label: print.dpi, value: row.dpiText },
      { label: print.colour, value: row.colourText },
      { label: print.profile, value: row.profileText },
      { label: print.verdict, value: [...(row.ok ? [print.ok] : []), ...row.warnings, ...(row.note ? [row.note] : [])].join('\n') || model.text.noneGiven },
    ];
    for (const line of lines) writer.paragraph(`${line.label}: ${line.value}`, value, { gapAfter: 3 });
  }
}
