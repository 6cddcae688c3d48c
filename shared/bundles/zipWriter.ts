import { Deflate } from 'fflate';
import { crc32 } from './archiveHash.ts';
import { utf8 } from './archiveText.ts';

/**
 * A small streaming ZIP writer: local header + data per entry, then the central directory.
 * Each entry's bytes are known before it is written, so sizes and CRC go in the local header
 * (no data descriptors). ZIP64 fields are written where a size or offset passes 4 GiB - 1 or
 * the entry count passes 65,534, so backups of any size open in any unzip tool.
 * fflate's own `Zip` could write everything else here (its `attrs` and `os` options set the
 * external attributes and made-by system), but it has no ZIP64: a backup past 4 GiB or
 * 65,535 entries would be cut short, hence this writer. fflate still does the deflating.
 */

export type ZipSink = (chunk: Uint8Array) => Promise<void> | void;

/** Compression: 0 stored (images, already compressed), 8 deflated (JSON). */
export type ZipMethod = 0 | 8;

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Sinks never receive a chunk larger than this (the browser host limits request size). */
export const MAX_SINK_CHUNK = 4 * 1024 * 1024;
/** Regular file, rw-r--r--, in the high half of the external attributes (made by Unix). */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const UTF8_FLAG = 0x0800;
const VERSION_MADE_BY = (3 << 8) | 45;

interface WrittenEntry {
  name: Uint8Array;
  method: ZipMethod;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Deflates `raw` in pieces (so a huge input never needs one huge output buffer at once). */
export function deflateChunks(raw: Uint8Array, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array[] {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level }, (chunk) => {
    out.push(chunk);
  });
  const piece = 1024 * 1024;
  if (raw.length === 0) deflate.push(raw, true);
  for (let at = 0; at < raw.length; at += piece) {
    deflate.push(raw.subarray(at, Math.min(raw.length, at + piece)), at + piece >= raw.length);
  }
  return out;
}

export class ZipWriter {
  private readonly sink: ZipSink;
  private readonly stamp: { time: number; date: number };
  private readonly entries: WrittenEntry[] = [];
  private readonly names = new Set<string>();
  private offset = 0;
  private finished = false;

  /** `modified` stamps every entry (the export time), so the same input gives the same bytes. */
  constructor(sink: ZipSink, modified: Date) {
    this.sink = sink;
    this.stamp = dosDateTime(modified);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.offset;
  }

  private async emit(chunk: Uint8Array): Promise<void> {
    for (let at = 0; at < chunk.length; at += MAX_SINK_CHUNK) {
      const piece = chunk.subarray(at, Math.min(chunk.length, at + MAX_SINK_CHUNK));
      await this.sink(piece);
      this.offset += piece.length;
    }
  }

  /** Adds one file; `method` 8 deflates `data` first. Names must be unique. */
  async add(name: string, data: Uint8Array, method: ZipMethod): Promise<void> {
    if (this.finished) throw new Error('ZipWriter: already finished');
    if (this.names.has(name)) throw new Error(`ZipWriter: duplicate entry ${name}`);
    this.names.add(name);
    const crc = crc32(data);
    const parts = method === 8 ? deflateChunks(data) : [data];
    const compressedSize = parts.reduce((n, p) => n + p.length, 0);
    const nameBytes = utf8(name);
    const offset = this.offset;
    const zip64 = compressedSize >= MAX32 || data.length >= MAX32;
    const extra = zip64 ? zip64Extra([data.length, compressedSize]) : new Uint8Array(0);
    const head = new Uint8Array(30 + nameBytes.length + extra.length);
    const v = new DataView(head.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, zip64 ? 45 : 20, true);
    v.setUint16(6, UTF8_FLAG, true);
    v.setUint16(8, method, true);
    v.setUint16(10, this.stamp.time, true);
    v.setUint16(12, this.stamp.date, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, zip64 ? MAX32 : compressedSize, true);
    v.setUint32(22, zip64 ? MAX32 : data.length, true);
    v.setUint16(26, nameBytes.length, true);
    v.setUint16(28, extra.length, true);
    head.set(nameBytes, 30);
    head.set(extra, 30 + nameBytes.length);
    await this.emit(head);
    for (const part of parts) await this.emit(part);
    this.entries.push({ name: nameBytes, method, crc, compressedSize, size: data.length, offset });
  }

  /** Writes the central directory and end records; resolves with the archive's size in bytes. */
  async finish(): Promise<number> {
    if (this.finished) throw new Error('ZipWriter: already finished');
    this.finished = true;
    const cdStart = this.offset;
    for (const e of this.entries) {
      const big: number[] = [];
      if (e.size >= MAX32) big.push(e.size);
      if (e.compressedSize >= MAX32) big.push(e.compressedSize);
      if (e.offset >= MAX32) big.push(e.offset);
      const extra = big.length > 0 ? zip64Extra(big) : new Uint8Array(0);
      const rec = new Uint8Array(46 + e.name.length + extra.length);
      const v = new DataView(rec.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, VERSION_MADE_BY, true);
      v.setUint16(6, big.length > 0 ? 45 : 20, true);
      v.setUint16(8, UTF8_FLAG, true);
      v.setUint16(10, e.method, true);
      v.setUint16(12, this.stamp.time, true);
      v.setUint16(14, this.stamp.date, true);
      v.setUint32(16, e.crc, true);
      v.setUint32(20, e.compressedSize >= MAX32 ? MAX32 : e.compressedSize, true);
      v.setUint32(24, e.size >= MAX32 ? MAX32 : e.size, true);
      v.setUint16(28, e.name.length, true);
      v.setUint16(30, extra.length, true);
      v.setUint32(38, FILE_ATTRIBUTES, true);
      v.setUint32(42, e.offset >= MAX32 ? MAX32 : e.offset, true);
      rec.set(e.name, 46);
      rec.set(extra, 46 + e.name.length);
      await this.emit(rec);
    }
    const cdSize = this.offset - cdStart;
    const count = this.entries.length;
    if (count >= MAX16 || cdSize >= MAX32 || cdStart >= MAX32) {
      const zip64End = this.offset;
      const rec = new Uint8Array(56 + 20);
      const v = new DataView(rec.buffer);
      v.setUint32(0, 0x06064b50, true);
      v.setBigUint64(4, 44n, true);
      v.setUint16(12, VERSION_MADE_BY, true);
      v.setUint16(14, 45, true);
      v.setBigUint64(24, BigInt(count), true);
      v.setBigUint64(32, BigInt(count), true);
      v.setBigUint64(40, BigInt(cdSize), true);
      v.setBigUint64(48, BigInt(cdStart), true);
      v.setUint32(56, 0x07064b50, true);
      v.setBigUint64(64, BigInt(zip64End), true);
      v.setUint32(72, 1, true);
      await this.emit(rec);
    }
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, Math.min(count, MAX16), true);
    v.setUint16(10, Math.min(count, MAX16), true);
    v.setUint32(12, Math.min(cdSize, MAX32), true);
    v.setUint32(16, Math.min(cdStart, MAX32), true);
    await this.emit(end);
    return this.offset;
  }
}

/** The ZIP64 extended-information extra field (0x0001) with the given 8-byte values, in order. */
function zip64Extra(values: number[]): Uint8Array {
  const extra = new Uint8Array(4 + values.length * 8);
  const v = new DataView(extra.buffer);
  v.setUint16(0, 0x0001, true);
  v.setUint16(2, values.length * 8, true);
  values.forEach((value, i) => v.setBigUint64(4 + i * 8, BigInt(value), true));
  return extra;
}
