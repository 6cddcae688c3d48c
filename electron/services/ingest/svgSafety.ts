import type { IngestRejection } from '#shared/intake/ingestOutcome.ts';

export type SvgVerdict =
  | { safe: true }
  | { safe: false; reason: Extract<IngestRejection, 'svg-script' | 'svg-external-reference'>; detail: string };

type Refusal = Exclude<SvgVerdict, { safe: true }>;

const script = (detail: string): Refusal => ({ safe: false, reason: 'svg-script', detail });
const external = (detail: string): Refusal => ({ safe: false, reason: 'svg-external-reference', detail });

/** Raster images embedded as data URIs are self-contained; an embedded SVG or HTML could carry its own references. */
const SAFE_DATA_URI = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp)[;,]/i;

/** The only system identifier a DOCTYPE may name: the W3C SVG DTD, which no renderer here fetches. */
const SVG_DTD = /^https?:\/\/www\.w3\.org\/Graphics\/SVG\//i;

/** Elements that run code. `handler` is SVG Tiny's script element. */
const SCRIPT_ELEMENT = /<\s*(?:[\w.-]+:)?(?:script|handler)[\s/>]/i;

/** Elements that embed other documents or media, which a rasteriser might try to load or a viewer might run. */
const EMBEDDING_ELEMENT = /<\s*(?:[\w.-]+:)?(foreignObject|iframe|embed|object|audio|video)[\s/>]/i;

/**
 * Tags with their attributes. Quoted values may contain `>` but never `<` (XML
 * forbids it), which also bounds each match at the next tag on hostile input.
 */
const TAG = /<([A-Za-z_][\w.:-]*)((?:"[^"<]*"|'[^'<]*'|[^'"<>])*)>/g;
const ATTRIBUTE = /([^\s=/>"']+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

function decodeCharacterReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => safeCodePoint(Number.parseInt(dec, 10)))
    .replace(/&colon;/gi, ':')
    .replace(/&(?:tab|newline);/gi, ' ')
    .replace(/&lpar;/gi, '(')
    .replace(/&rpar;/gi, ')');
}

function safeCodePoint(code: number): string {
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
}

/** CSS lets `\75 rl(` spell `url(`; undo escapes so the checks see what the CSS parser sees. */
function decodeCssEscapes(text: string): string {
  return text.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => safeCodePoint(Number.parseInt(hex, 16))).replace(/\\(.)/g, '$1');
}

function unquote(value: string | undefined): string {
  if (value === undefined) return '';
  const first = value[0];
  return (first === '"' || first === "'") && value.endsWith(first) ? value.slice(1, -1) : value;
}

/** Fragment links (`#id`), an empty reference (the document itself) and raster data URIs stay inside the file. */
function isInternalReference(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.startsWith('#') || SAFE_DATA_URI.test(trimmed);
}

/** Browsers and parsers ignore tabs and newlines inside a URL scheme: `java\tscript:` is still JavaScript. */
function hasScriptUrl(text: string): boolean {
  return /(?:j\s*a\s*v\s*a|v\s*b)\s*s\s*c\s*r\s*i\s*p\s*t\s*:/i.test(text);
}

function shorten(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

function checkDoctype(text: string): Refusal | null {
  const doctype = /<!DOCTYPE((?:[^[>]|\[[^\]]*\])*)>/i.exec(text);
  if (!doctype) return null;
  const body = doctype[1] ?? '';
  const externalId = /^\s*[\w:.-]+\s+(?:SYSTEM\s+("[^"]*"|'[^']*')|PUBLIC\s+(?:"[^"]*"|'[^']*')\s*("[^"]*"|'[^']*')?)/i.exec(body);
  const systemLiteral = unquote(externalId?.[1] ?? externalId?.[2]);
  if (systemLiteral && !SVG_DTD.test(systemLiteral)) return external(`DOCTYPE names an external DTD "${shorten(systemLiteral)}"`);
  for (const entity of body.matchAll(/<!ENTITY\s+(%\s*)?([^\s<>]+)([^<>]*)>/gi)) {
    const [, parameter, name = '', definition = ''] = entity;
    if (parameter) return external(`DOCTYPE declares a parameter entity "${name}"`);
    if (/^(?:SYSTEM|PUBLIC)\b/i.test(definition.trim())) return external(`entity "${name}" loads an external file`);
    // Entities that expand other entities are how "billion laughs" bombs grow; Illustrator's are plain strings.
    if (/[&%]/.test(unquote(definition.trim()))) return external(`entity "${name}" expands other entities`);
  }
  return null;
}

function checkTags(text: string): Refusal | null {
  for (const tag of text.matchAll(TAG)) {
    const element = tag[1] ?? '';
    const elementName = element.slice(element.lastIndexOf(':') + 1).toLowerCase();
    const attributes = new Map<string, string>();
    for (const attribute of (tag[2] ?? '').matchAll(ATTRIBUTE)) {
      const qualified = attribute[1] ?? '';
      const name = qualified.slice(qualified.lastIndexOf(':') + 1).toLowerCase();
      const value = decodeCharacterReferences(unquote(attribute[2]));
      attributes.set(name, value);
      if (name.startsWith('on')) return script(`event-handler attribute ${qualified} on <${element}>`);
      if (hasScriptUrl(value)) return script(`javascript: URL in ${qualified} on <${element}>`);
      if ((name === 'href' || name === 'src') && !isInternalReference(value)) {
        return external(`${qualified}="${shorten(value)}" on <${element}>`);
      }
    }
    // <set attributeName="href" to="https://…"> or attributeName="onclick" changes an attribute after load.
    if (['set', 'animate', 'animatemotion', 'animatetransform'].includes(elementName)) {
      const target = (attributes.get('attributename') ?? '').toLowerCase();
      const targetName = target.slice(target.lastIndexOf(':') + 1);
      if (targetName.startsWith('on')) return script(`<${element}> animates the event handler ${target}`);
      if (targetName === 'href' || targetName === 'src') {
        const values = ['to', 'from', 'by', 'values'].map((key) => attributes.get(key) ?? '');
        if (values.some((value) => value.split(';').some((part) => !isInternalReference(part)))) {
          return external(`<${element}> animates ${target} to an outside address`);
        }
      }
    }
  }
  return null;
}

/**
 * The argument of every CSS `url(`, or null for one that never ends (refused:
 * what a renderer would make of it is anyone's guess). Scanning resumes after
 * each argument, so the time stays linear on hostile input.
 */
function* cssUrls(text: string): Generator<string | null> {
  const opening = /\burl\s*\(\s*/gi;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    const start = opening.lastIndex;
    const quote = text[start];
    const quoted = quote === '"' || quote === "'";
    const close = quoted ? text.indexOf(quote, start + 1) : text.indexOf(')', start);
    if (close < 0) {
      yield null;
      return;
    }
    yield quoted ? text.slice(start + 1, close) : text.slice(start, close).trim();
    opening.lastIndex = close + 1;
  }
}

function checkCss(text: string): Refusal | null {
  if (/@import\b/i.test(text)) return external('CSS @import');
  if (/image-set\s*\(/i.test(text)) return external('CSS image-set()');
  for (const target of cssUrls(text)) {
    if (target === null) return external('unterminated CSS url(');
    if (!isInternalReference(target)) return external(`url(${shorten(target)})`);
  }
  return null;
}

/**
 * Decides whether an SVG may be rasterised. Conservative by design: anything
 * that could run code or reach outside the file is refused, even where the
 * rasteriser would ignore it, because the SVG is kept and may be shown
 * elsewhere later. Text is scanned as written, after XML character references
 * are decoded, and after CSS escapes are decoded.
 */
export function checkSvgSafety(svgText: string): SvgVerdict {
  const decoded = decodeCharacterReferences(svgText);
  const cssView = decodeCssEscapes(decoded);

  if (SCRIPT_ELEMENT.test(decoded)) return script('<script> element');
  const tags = checkTags(svgText);
  if (tags?.reason === 'svg-script') return tags;
  if (hasScriptUrl(decoded) || hasScriptUrl(cssView)) return script('javascript: URL');

  if (/<\?xml-stylesheet/i.test(svgText)) return external('xml-stylesheet processing instruction');
  const embedding = EMBEDDING_ELEMENT.exec(decoded);
  if (embedding) return external(`<${embedding[1] ?? 'foreignObject'}> element`);
  const doctype = checkDoctype(svgText);
  if (doctype) return doctype;
  if (tags) return tags;
  return checkCss(decoded) ?? checkCss(cssView) ?? { safe: true };
}
