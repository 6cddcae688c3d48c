import { createHash } from 'node:crypto';
import { fill } from '#shared/pack/packText.ts';
import { handoutEn, handoutId } from '#shared/i18n/parts/handout.ts';

/*
 * The page a phone gets from a capability link: the business, the product, a
 * big download button for the PDF and the faces with the mentor's marks. One
 * small HTML document with its style inline (allowed by hash, nothing else),
 * no script, no font, nothing from outside; English on a plain link.
 */

export type PhoneLanguage = 'id' | 'en';

export interface PhonePack {
  business: string;
  product: string;
  version: number;
  code: string;
  pdfBytes: number;
  faces: readonly { label: string }[];
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#f6f4ef}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 2rem}
header{display:flex;justify-content:space-between;align-items:center;gap:1rem}
.kicker{margin:0;color:#5a4a2f;font-weight:600;font-size:.95rem}
.lang{color:#1d4f91;font-weight:600;padding:.5rem .25rem;min-height:44px;display:inline-flex;align-items:center}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 .25rem}
.product{margin:0 0 1rem;font-size:1.05rem}
.download{display:block;text-align:center;background:#1d4f91;color:#fff;text-decoration:none;font-weight:700;font-size:1.15rem;padding:1rem;border-radius:.75rem;min-height:56px}
.download:focus-visible,.lang:focus-visible{outline:3px solid #b35c00;outline-offset:3px}
.code{margin:1rem 0 0;font-size:1rem}
.code strong{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.2rem;letter-spacing:.08em}
.hint,.until,footer{color:#4a4a4a;font-size:.95rem}
h2{font-size:1.2rem;margin:1.75rem 0 .75rem}
figure{margin:0 0 1.25rem}
img{display:block;width:100%;height:auto;border-radius:.5rem;background:#fff;border:1px solid #d8d2c4}
figcaption{font-weight:600;margin-top:.35rem}
footer{margin-top:2rem;text-align:center}
`;

/** The only style the page may apply: its hash goes into the Content-Security-Policy. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The policy of every answer of the hand-out server: nothing runs, nothing loads from elsewhere. */
export const PHONE_CSP = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function words(language: PhoneLanguage) {
  return language === 'en' ? handoutEn : handoutId;
}

/** "1,4 MB" in Bahasa Indonesia, "1.4 MB" in English. */
export function fileSize(bytes: number, language: PhoneLanguage): string {
  const locale = language === 'en' ? 'en-GB' : 'id-ID';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

export function clockTime(at: number, language: PhoneLanguage): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** The phone page of one pack, at `base` (`/p/<capability>`), in `language`. */
export function phonePageHtml(pack: PhonePack, base: string, language: PhoneLanguage, expiresAt: number): string {
  const w = words(language);
  const t = (template: string, values?: Record<string, string | number>) => escapeHtml(fill(template, values));
  const other = language === 'en' ? 'id' : 'en';
  const faces = pack.faces
    .map(
      (face, i) =>
        `<figure><img src="${base}/face/${i + 1}.png" alt="${t(w.phone.faceAlt, { face: face.label })}" loading="lazy"><figcaption>${escapeHtml(face.label)}</figcaption></figure>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${t(w.phone.title)} · ${escapeHtml(pack.business)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p class="kicker">${t(w.phone.title)}</p><a class="lang" href="${base}?lang=${other}" lang="${other}" hreflang="${other}">${t(w.phone.switch)}</a></header>
<h1>${t(w.phone.for, { business: pack.business })}</h1>
<p class="product">${t(w.phone.product, { product: pack.product, version: pack.version })}</p>
<a class="download" href="${base}/pack.pdf" download>${t(w.phone.download, { size: fileSize(pack.pdfBytes, language) })}</a>
<p class="code">${t(w.phone.code, { code: '' })}<strong>${escapeHtml(pack.code)}</strong></p>
<p class="hint">${t(w.phone.codeHint)}</p>
<p class="until">${t(w.phone.until, { time: clockTime(expiresAt, language) })}</p>
${faces ? `<h2>${t(w.phone.faces)}</h2>${faces}` : ''}
<footer>${t(w.phone.footer)}</footer>
</main>
</body>
</html>`;
}

/** The body of a 404 or 429: one sentence in both languages, nothing about what exists. */
export function plainMessage(kind: 'notFound' | 'tooMany'): string {
  return `${handoutId.phone[kind]}\n${handoutEn.phone[kind]}\n`;
}
