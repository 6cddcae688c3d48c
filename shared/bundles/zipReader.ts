import { Inflate } from 'fflate';
import { ArchiveRefusal } from './archiveProblem.ts';
import { bundlePathProblem } from './bundleFormat.ts';
import { utf8Strict } from './archiveText.ts';

/**
 * A ZIP reader that trusts nothing: it reads the central directory (ZIP64 included) through
 * random access, refuses what a `.kemas` file never holds (links, directories, encryption,
 * methods other than stored/deflate, duplicate or unsafe names, overlapping entries, sizes past
 * the limits, suspicious ratios), and inflates with a hard cap on the output.
 * Problems are thrown as `ArchiveRefusal`.
 */

/** Random access to the bytes of a file (the renderer adapts a Blob: blob.slice(o, o+n).arrayBuffer()). */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** The part of an AbortSignal the archive code uses (shared/ has no DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  throwIfAborted(): void;
}

export interface ZipLimits {
  /** Entries in the central directory. */
  entries: number;
  /** Declared (and actual) size of one entry, compressed or not. */
  entryBytes: number;
  /** The archive file, and the sum of its entries' uncompressed sizes. */
  totalBytes: number;
  /** Uncompressed ÷ compressed above which an entry is a bomb… */
  ratio: number;
  /** …once it inflates to more than this many bytes. */
  ratioFloorBytes: number;
}

export interface ZipEntry {
  name: string;
  rawName: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  /** Declared uncompressed size; never trusted while inflating. */
  size: number;
  localOffset: number;
  /** Where the next entry (or the central directory) starts: this entry's data must end before it. */
  boundary: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  centralDirectoryOffset: number;
}

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const EOCD_SIZE = 22;
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const DOS_DIRECTORY = 0x10;
const READ_WINDOW = 1024 * 1024;
/** Compressed bytes given to the inflater at once: deflate expands at most ~1032:1, so one push
 *  makes at most ~16 MB even for a bomb, and the cap is checked after each push. */
const INFLATE_PIECE = 16 * 1024;

const notZip = (detail: string, path?: string) =>
  new ArchiveRefusal('not-zip', path === undefined ? { detail } : { path, detail });

/** Reads exactly `length` bytes or refuses the file as truncated. */
export async function readExactly(source: ByteSource, offset: number, length: number): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > source.size) throw notZip('truncated: data past the end of the file');
  if (length === 0) return new Uint8Array(0);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw notZip('truncated: short read');
  return bytes;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function u64(v: DataView, at: number): number {
  const value = v.getBigUint64(at, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveRefusal('archive-too-large', { detail: 'a 64-bit size past 2^53' });
  return Number(value);
}

interface EndRecord {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the end records start: the central directory must end before. */
  endStart: number;
}

async function readEnd(source: ByteSource): Promise<EndRecord> {
  if (source.size < EOCD_SIZE) throw notZip('too short to be a ZIP');
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX16 + 20);
  const tailStart = source.size - tailLength;
  const tail = await readExactly(source, tailStart, tailLength);
  const v = view(tail);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i -= 1) {
    // The comment must run exactly to the end of the file: a stray signature in data is not the end.
    if (v.getUint32(i, true) === SIG_END && i + EOCD_SIZE + v.getUint16(i + 20, true) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    const head = await readExactly(source, 0, 4);
    const startsLikeZip = view(head).getUint32(0, true) === SIG_LOCAL;
    throw notZip(startsLikeZip ? 'truncated: no end of central directory' : 'no ZIP signature');
  }
  const disk = v.getUint16(at + 4, true);
  const cdDisk = v.getUint16(at + 6, true);
  if (disk !== 0 || cdDisk !== 0) throw notZip('split across disks');
  let count = v.getUint16(at + 10, true);
  let cdSize = v.getUint32(at + 12, true);
  let cdOffset = v.getUint32(at + 16, true);
  let endStart = tailStart + at;
  if (count === MAX16 || cdSize === MAX32 || cdOffset === MAX32) {
    // ZIP64: a locator just before the classic end record points at the 64-bit end record.
    if (at < 20 || v.getUint32(at - 20, true) !== SIG_LOCATOR64) {
      if (count === MAX16 && cdSize !== MAX32 && cdOffset !== MAX32) {
        // Exactly 65,535 entries in a classic archive: no ZIP64 needed.
      } else throw notZip('ZIP64 locator missing');
    } else {
      const end64Offset = u64(v, at - 20 + 8);
      if (end64Offset + 56 > tailStart + at - 20) throw notZip('ZIP64 end record out of place');
      const end64 = await readExactly(source, end64Offset, 56);
      const w = view(end64);
      if (w.getUint32(0, true) !== SIG_END64) throw notZip('ZIP64 end record missing');
      if (w.getUint32(16, true) !== 0 || w.getUint32(20, true) !== 0) throw notZip('split across disks');
      count = u64(w, 32);
      cdSize = u64(w, 40);
      cdOffset = u64(w, 48);
      endStart = end64Offset;
    }
  }
  if (cdOffset + cdSize > endStart) throw notZip('truncated: central directory past its end');
  return { count, cdSize, cdOffset, endStart };
}

/** Reads a region through a sliding window, so a large central directory is never read at once. */
class WindowReader {
  private readonly source: ByteSource;
  private readonly end: number;
  private buffer: Uint8Array = new Uint8Array(0);
  private bufferStart = 0;

  constructor(source: ByteSource, end: number) {
    this.source = source;
    this.end = end;
  }

  async bytes(offset: number, length: number): Promise<Uint8Array> {
    if (offset + length > this.end) throw notZip('central directory record runs past its end');
    if (offset < this.bufferStart || offset + length > this.bufferStart + this.buffer.length) {
      this.bufferStart = offset;
      this.buffer = await readExactly(this.source, offset, Math.min(this.end - offset, Math.max(READ_WINDOW, length)));
    }
    return this.buffer.subarray(offset - this.bufferStart, offset - this.bufferStart + length);
  }
}

/** The ZIP64 extra field's values for the 32-bit fields that hold 0xFFFFFFFF, in spec order. */
function zip64Values(extra: Uint8Array, wanted: number): number[] {
  const v = view(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = v.getUint16(at, true);
    const size = v.getUint16(at + 2, true);
    if (at + 4 + size > extra.length) break;
    if (id === 0x0001) {
      if (size < wanted * 8) throw notZip('ZIP64 extra field too short');
      return Array.from({ length: wanted }, (_, i) => u64(v, at + 4 + i * 8));
    }
    at += 4 + size;
  }
  if (wanted > 0) throw notZip('ZIP64 extra field missing');
  return [];
}

/**
 * Reads and checks the central directory: per entry the name, links and directories, encryption,
 * method, duplicates, declared sizes against the limits and the ratio; then the total and overlaps.
 */
export async function readZipDirectory(source: ByteSource, limits: ZipLimits, signal?: AbortSignalLike): Promise<ZipDirectory> {
  if (source.size > limits.totalBytes) throw new ArchiveRefusal('archive-too-large', { detail: `${source.size} bytes` });
  const end = await readEnd(source);
  if (end.count > limits.entries) throw new ArchiveRefusal('too-many-entries', { detail: `${end.count} entries` });
  const reader = new WindowReader(source, end.cdOffset + end.cdSize);
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let at = end.cdOffset;
  for (let n = 0; n < end.count; n += 1) {
    if (n % 1024 === 0) signal?.throwIfAborted();
    const head = view(await reader.bytes(at, 46));
    if (head.getUint32(0, true) !== SIG_CENTRAL) throw notZip('bad central directory record');
    const flags = head.getUint16(8, true);
    const method = head.getUint16(10, true);
    const crc = head.getUint32(16, true);
    let compressedSize = head.getUint32(20, true);
    let size = head.getUint32(24, true);
    const nameLength = head.getUint16(28, true);
    const extraLength = head.getUint16(30, true);
    const commentLength = head.getUint16(32, true);
    const diskStart = head.getUint16(34, true);
    const external = head.getUint32(38, true);
    let localOffset = head.getUint32(42, true);
    const rawName = (await reader.bytes(at + 46, nameLength)).slice();
    const extra = await reader.bytes(at + 46 + nameLength, extraLength);
    at += 46 + nameLength + extraLength + commentLength;

    const name = utf8Strict(rawName);
    if (name === null) throw new ArchiveRefusal('unsafe-path', { detail: 'name is not UTF-8' });
    const pathProblem = bundlePathProblem(name);
    if (pathProblem !== null) throw new ArchiveRefusal('unsafe-path', { path: name, detail: pathProblem });
    const mode = (external >>> 16) & S_IFMT;
    if (mode === S_IFLNK) throw new ArchiveRefusal('link', { path: name });
    if (mode === S_IFDIR || (external & DOS_DIRECTORY) !== 0) throw new ArchiveRefusal('unsafe-path', { path: name, detail: 'a directory entry' });
    // Bit 0: encrypted; bit 6: strong encryption; method 99: AES.
    if ((flags & 0x0001) !== 0 || (flags & 0x0040) !== 0 || method === 99) throw new ArchiveRefusal('encrypted', { path: name });
    if (method !== 0 && method !== 8) throw new ArchiveRefusal('unsupported-compression', { path: name, detail: `method ${method}` });
    if (byName.has(name)) throw new ArchiveRefusal('duplicate-entry', { path: name });

    const wanted = [size === MAX32, compressedSize === MAX32, localOffset === MAX32];
    const values = zip64Values(extra, wanted.filter(Boolean).length);
    if (wanted[0]) size = values.shift() ?? size;
    if (wanted[1]) compressedSize = values.shift() ?? compressedSize;
    if (wanted[2]) localOffset = values.shift() ?? localOffset;
    if (diskStart !== 0 && diskStart !== MAX16) throw notZip('split across disks', name);

    if (size > limits.entryBytes || compressedSize > limits.entryBytes) {
      throw new ArchiveRefusal('entry-too-large', { path: name, detail: `${Math.max(size, compressedSize)} bytes` });
    }
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.ratio) {
      throw new ArchiveRefusal('compression-bomb', { path: name, detail: `${compressedSize} → ${size} bytes` });
    }
    if (method === 0 && size !== compressedSize) throw notZip('stored entry with two sizes', name);
    total += size;
    if (total > limits.totalBytes) throw new ArchiveRefusal('archive-too-large', { detail: `entries add up to more than ${limits.totalBytes} bytes` });
    if (localOffset + 30 + nameLength + compressedSize > end.cdOffset) throw notZip('truncated: entry data past the central directory', name);

    const entry: ZipEntry = { name, rawName, flags, method, crc, compressedSize, size, localOffset, boundary: end.cdOffset };
    entries.push(entry);
    byName.set(name, entry);
  }
  if (at !== end.cdOffset + end.cdSize) throw notZip('central directory size does not match its records');

  // Entries must not overlap: overlapping entries are how the smallest bombs reuse one payload.
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 0; i < sorted.length; i += 1) {
    const entry = sorted[i]!;
    const next = sorted[i + 1];
    if (next === undefined) continue;
    entry.boundary = next.localOffset;
    if (entry.localOffset + 30 + entry.rawName.length + entry.compressedSize > next.localOffset) {
      throw new ArchiveRefusal('compression-bomb', { path: entry.name, detail: 'entries overlap' });
    }
  }
  return { entries, byName, centralDirectoryOffset: end.cdOffset };
}

/** Reads an entry's local header (it must agree with the central directory); returns where its data starts. */
export async function entryDataOffset(source: ByteSource, entry: ZipEntry): Promise<number> {
  const head = view(await readExactly(source, entry.localOffset, 30));
  if (head.getUint32(0, true) !== SIG_LOCAL) throw notZip('local header missing', entry.name);
  const flags = head.getUint16(6, true);
  const method = head.getUint16(8, true);
  const nameLength = head.getUint16(26, true);
  const extraLength = head.getUint16(28, true);
  if ((flags & 0x0041) !== 0) throw new ArchiveRefusal('encrypted', { path: entry.name });
  if (method !== entry.method) throw notZip('local header method differs from the central directory', entry.name);
  const name = await readExactly(source, entry.localOffset + 30, nameLength);
  if (name.length !== entry.rawName.length || name.some((b, i) => b !== entry.rawName[i])) {
    throw notZip('local header name differs from the central directory', entry.name);
  }
  const dataOffset = entry.localOffset + 30 + nameLength + extraLength;
  if (dataOffset + entry.compressedSize > entry.boundary) throw new ArchiveRefusal('compression-bomb', { path: entry.name, detail: 'entries overlap' });
  return dataOffset;
}

/**
 * An entry's uncompressed bytes. Inflating stops as soon as the output passes the declared size,
 * so an entry that lies about its size never costs more than that size (plus one small piece).
 */
export async function readEntry(source: ByteSource, entry: ZipEntry, dataOffset: number, signal?: AbortSignalLike): Promise<Uint8Array> {
  if (entry.method === 0) return readExactly(source, dataOffset, entry.compressedSize);
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  const end = dataOffset + entry.compressedSize;
  if (entry.compressedSize === 0) throw new ArchiveRefusal('checksum', { path: entry.name, detail: 'empty deflate stream' });
  for (let at = dataOffset; at < end; at += READ_WINDOW) {
    signal?.throwIfAborted();
    const window = await readExactly(source, at, Math.min(READ_WINDOW, end - at));
    for (let p = 0; p < window.length; p += INFLATE_PIECE) {
      const last = at + p + INFLATE_PIECE >= end;
      try {
        inflate.push(window.subarray(p, Math.min(window.length, p + INFLATE_PIECE)), last);
      } catch (error) {
        throw new ArchiveRefusal('checksum', { path: entry.name, detail: `bad deflate data (${error instanceof Error ? error.message : String(error)})` });
      }
      if (overflow) throw new ArchiveRefusal('compression-bomb', { path: entry.name, detail: `inflates past its declared ${entry.size} bytes` });
    }
  }
  if (written !== entry.size) throw new ArchiveRefusal('checksum', { path: entry.name, detail: `inflates to ${written}, declared ${entry.size}` });
  return out;
}
