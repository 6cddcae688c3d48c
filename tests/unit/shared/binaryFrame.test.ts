import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FrameError, hasBinary } from '#shared/contract/binaryFrame.ts';

describe('binary frames', () => {
  it('round-trips JSON with binary leaves, keeping every byte', () => {
    const value = {
      fileName: 'Keripik Tempe - depan.jpg',
      bytes: new Uint8Array([255, 216, 255, 0, 1]),
      faces: [{ preview: { bytes: new Uint8Array(0) }, note: 'ü ñ 漢' }],
    };
    expect(hasBinary(value)).toBe(true);
    expect(decodeFrame(encodeFrame(value))).toEqual(value);
  });

  it('knows plain JSON needs no frame', () => {
    expect(hasBinary({ a: [1, 'x', { b: null }] })).toBe(false);
  });

  it('refuses truncated, padded or inconsistent frames', () => {
    const frame = encodeFrame({ bytes: new Uint8Array([1, 2, 3]) });
    expect(() => decodeFrame(frame.subarray(0, frame.length - 1))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array([...frame, 0]))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array([0, 0, 0, 2, 123, 125]))).toThrow(FrameError);
    const text = new TextEncoder().encode('{"a":{"$bin":4}}');
    const forged = new Uint8Array(4 + text.length + 4);
    new DataView(forged.buffer).setUint32(0, text.length);
    forged.set(text, 4);
    expect(() => decodeFrame(forged)).toThrow(FrameError);
  });
});
