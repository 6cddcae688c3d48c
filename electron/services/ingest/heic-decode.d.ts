// heic-decode ships no types. Only what decodeHeic.ts uses is declared.
declare module 'heic-decode' {
  interface DecodedHeicImage {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, transformations (rotation, mirroring) applied. */
    data: Uint8ClampedArray;
  }
  interface LazyHeicImage {
    width: number;
    height: number;
    decode(): Promise<DecodedHeicImage>;
  }
  interface HeicDecode {
    (input: { buffer: Uint8Array }): Promise<DecodedHeicImage>;
    all(input: { buffer: Uint8Array }): Promise<LazyHeicImage[] & { dispose(): void }>;
  }
  const decode: HeicDecode;
  export default decode;
}
