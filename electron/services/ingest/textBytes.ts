/**
 * Text decoding for the two text-based checks (is it SVG? is it plain text?),
 * honouring a byte-order mark because SVG editors on Windows still write UTF-16.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 BOM itself; invalid sequences become U+FFFD.
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * True when the bytes read as human text: almost every character printable or
 * ordinary whitespace. A renamed .txt, .csv or .html lands here; binary formats
 * have many control bytes and invalid UTF-8 within their first kilobytes.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = decodeText(bytes.subarray(0, 8192));
  if (sample.length === 0) return false;
  let odd = 0;
  for (const char of sample) {
    const code = char.codePointAt(0) ?? 0;
    const whitespace = code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c;
    if ((code < 0x20 && !whitespace) || code === 0x7f || code === 0xfffd) odd += 1;
  }
  // A cut-off multi-byte character at the sample's end is one U+FFFD; allow a little noise.
  return odd / sample.length < 0.02;
}
