import { loadDependency } from './dependencies.ts';
import { assertPixelBudget } from './pixelBudget.ts';

export interface RgbaPixels {
  width: number;
  height: number;
  /** Interleaved RGBA, 8 bits per channel. */
  data: Uint8Array;
}

/**
 * HEIC photos (iPhones, many Android phones) carry HEVC, which sharp's prebuilt
 * libheif cannot decode. heic-decode runs libheif with libde265 as WebAssembly
 * (~90 ms for a phone photo). libheif applies the file's rotation and mirror
 * boxes while decoding, so the pixels come out upright.
 */
export async function decodeHeic(bytes: Uint8Array, maxInputPixels: number): Promise<RgbaPixels> {
  const { default: decode } = await loadDependency('heic-decode', () => import('heic-decode'));
  const images = await decode.all({ buffer: bytes });
  try {
    const primary = images[0];
    if (!primary) throw new Error('HEIF file holds no image');
    // The size is known before decoding: refuse a bomb without allocating its pixels.
    assertPixelBudget(primary.width, primary.height, maxInputPixels);
    const decoded = await primary.decode();
    return {
      width: decoded.width,
      height: decoded.height,
      data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength),
    };
  } finally {
    images.dispose();
  }
}
