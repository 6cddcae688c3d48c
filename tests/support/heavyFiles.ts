import { deflateSync } from 'node:zlib';

/*
 * Files that are small on disk and ruinous to decode, built afresh by each
 * test (never stored in the repository). Each one held a worker for minutes
 * before jobs were bounded: librsvg has no time limit on filters, and pdf.js
 * none on a content stream.
 */

const encoder = new TextEncoder();

/** About 4 KB: 50 large rectangles under a Gaussian blur of 5,000 and a morphology radius of 3,000. */
export function filterBombSvg(): Uint8Array {
  const rects = Array.from({ length: 50 }, (_, i) => `<rect x="${(i * 37) % 400}" y="${(i * 53) % 400}" width="3600" height="3600" fill="#${(0x102030 + i * 0x050301).toString(16).slice(-6)}" filter="url(#f)"/>`);
  return encoder.encode(
    `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000" viewBox="0 0 4000 4000">` +
      `<defs><filter id="f" x="-50%" y="-50%" width="200%" height="200%">` +
      `<feGaussianBlur stdDeviation="5000"/><feMorphology operator="dilate" radius="3000"/></filter></defs>` +
      rects.join('') +
      `</svg>`,
  );
}

/** Many small elements, each blurred: `count` circles (200,000 held a worker past 120 s at 1.7 GB). */
export function manyElementSvg(count = 200_000): Uint8Array {
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="3000"><defs><filter id="b"><feGaussianBlur stdDeviation="40"/></filter></defs>`];
  for (let i = 0; i < count; i++) parts.push(`<circle cx="${(i * 7919) % 3000}" cy="${(i * 104729) % 3000}" r="60" filter="url(#b)"/>`);
  parts.push('</svg>');
  return encoder.encode(parts.join(''));
}

/**
 * A one-page PDF whose Flate content stream inflates to `inflatedMb` MB of
 * drawing operators (the file itself is well under 1 MB). The cross-reference
 * table is exact, so pdf.js opens it without repair and starts drawing.
 */
export function contentStreamBombPdf(inflatedMb = 300): Uint8Array {
  const unit = '0.5 0.2 0.7 rg 10 10 500 700 re f 1 0 0 1 0.01 0.01 cm\n';
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  const stream = deflateSync(Buffer.concat(Array.from({ length: inflatedMb }, () => chunk)), { level: 9 });
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = chunks[0]?.length ?? 0;
  const push = (buffer: Buffer) => {
    chunks.push(buffer);
    length += buffer.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  offsets.push(length);
  push(Buffer.from(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'));
  push(stream);
  push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = length;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${table}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
