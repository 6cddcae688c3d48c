// fontkit ships no types (pdfkit parses fonts with it). Only what packFonts.ts uses is declared.
declare module 'fontkit' {
  /** A parsed font; pdfkit's registerFont accepts it in place of the file's bytes. */
  interface FontkitFont {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
