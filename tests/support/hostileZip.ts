// Hand-made ZIP files for the `.kemas` reader's refusals: a raw builder that writes exactly the
// headers it is told (names, flags, methods, external attributes, declared sizes, ZIP64), plus
// named hostile `.kemas` files built from a good archive, each with the refusal it must get.
// Unit tests check the codes; renderer and e2e tests can write the same bytes to disk for the UI.
import { deflateSync, unzipSync } from 'fflate';
import { crc32, sha256 } from '#shared/bundles/archiveHash.ts';
import type { ArchiveInput, ArchiveProblem } from '#shared/bundles/archive.ts';
import { BUNDLE_FORMAT_VERSION } from '#shared/bundles/bundleFormat.ts';
import { archiveBytes, fullArchiveInput } from './archiveFixture.ts';

export interface RawEntry {
  name: string;
  /** The uncompressed content. */
  data: Uint8Array;
  /** Method written in the headers (default 0, stored). Data is deflated only for method 8. */
  method?: number;
  /** Replaces the bytes after the local header (e.g. a deflate stream that does not match `data`). */
  payload?: Uint8Array;
  flags?: number;
  /** Version made by: high byte 3 = Unix (default). */
  madeBy?: number;
  /** Default: a regular file, rw-r--r--. */
  externalAttributes?: number;
  /** Lies in the headers: declared uncompressed / compressed size and CRC. */
  size?: number;
  compressedSize?: number;
  crc?: number;
  /** The name in the local header when it should differ from the central directory's. */
  localName?: string;
  /** Points the central directory at an earlier entry's local header (overlapping entries). */
  sameDataAs?: string;
}

export interface RawZipOptions {
  /** Write ZIP64 extras (sizes and offsets as 0xFFFFFFFF) and ZIP64 end records even for a small file. */
  zip64?: boolean;
  comment?: string;
}

export const UNIX_FILE = (0o100644 << 16) >>> 0;
export const UNIX_SYMLINK = (0o120777 << 16) >>> 0;
export const UNIX_DIRECTORY = ((0o040755 << 16) | 0x10) >>> 0;

const enc = new TextEncoder();

function u64(v: DataView, at: number, value: number): void {
  v.setBigUint64(at, BigInt(value), true);
}

/** A ZIP with exactly the given entries and header values, in order. */
export function buildZip(entries: readonly RawEntry[], options: RawZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    offset += bytes.length;
  };
  const central: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  const z64 = options.zip64 === true;
  for (const e of entries) {
    const method = e.method ?? 0;
    const payload = e.payload ?? (method === 8 ? deflateSync(e.data) : e.data);
    const size = e.size ?? e.data.length;
    const compressedSize = e.compressedSize ?? payload.length;
    const crc = e.crc ?? crc32(e.data);
    const name = enc.encode(e.name);
    const localName = enc.encode(e.localName ?? e.name);
    const flags = e.flags ?? 0x0800;
    const localExtra = new Uint8Array(z64 ? 20 : 0);
    if (z64) {
      const v = new DataView(localExtra.buffer);
      v.setUint16(0, 1, true);
      v.setUint16(2, 16, true);
      u64(v, 4, size);
      u64(v, 12, compressedSize);
    }
    const local = new Uint8Array(30 + localName.length + localExtra.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, z64 ? 45 : 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(12, 0x5b7c, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, z64 ? 0xffffffff : compressedSize, true);
    lv.setUint32(22, z64 ? 0xffffffff : size, true);
    lv.setUint16(26, localName.length, true);
    lv.setUint16(28, localExtra.length, true);
    local.set(localName, 30);
    local.set(localExtra, 30 + localName.length);
    const localOffset = e.sameDataAs === undefined ? offset : (offsets.get(e.sameDataAs) ?? 0);
    offsets.set(e.name, offset);
    push(local);
    push(payload);
    const extra = new Uint8Array(z64 ? 28 : 0);
    if (z64) {
      const v = new DataView(extra.buffer);
      v.setUint16(0, 1, true);
      v.setUint16(2, 24, true);
      u64(v, 4, size);
      u64(v, 12, compressedSize);
      u64(v, 20, localOffset);
    }
    const rec = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(rec.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, e.madeBy ?? (3 << 8) | 45, true);
    cv.setUint16(6, z64 ? 45 : 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(14, 0x5b7c, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, z64 ? 0xffffffff : compressedSize, true);
    cv.setUint32(24, z64 ? 0xffffffff : size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    cv.setUint32(38, e.externalAttributes ?? UNIX_FILE, true);
    cv.setUint32(42, z64 ? 0xffffffff : localOffset, true);
    rec.set(name, 46);
    rec.set(extra, 46 + name.length);
    central.push(rec);
  }
  const cdStart = offset;
  for (const rec of central) push(rec);
  const cdSize = offset - cdStart;
  if (z64) {
    const end64 = new Uint8Array(56 + 20);
    const v = new DataView(end64.buffer);
    v.setUint32(0, 0x06064b50, true);
    u64(v, 4, 44);
    v.setUint16(12, (3 << 8) | 45, true);
    v.setUint16(14, 45, true);
    u64(v, 24, entries.length);
    u64(v, 32, entries.length);
    u64(v, 40, cdSize);
    u64(v, 48, cdStart);
    v.setUint32(56, 0x07064b50, true);
    u64(v, 64, offset);
    v.setUint32(72, 1, true);
    push(end64);
  }
  const comment = enc.encode(options.comment ?? '');
  const end = new Uint8Array(22 + comment.length);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, z64 ? 0xffff : entries.length, true);
  v.setUint16(10, z64 ? 0xffff : entries.length, true);
  v.setUint32(12, z64 ? 0xffffffff : cdSize, true);
  v.setUint32(16, z64 ? 0xffffffff : cdStart, true);
  v.setUint16(20, comment.length, true);
  end.set(comment, 22);
  push(end);
  const out = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A ZIP of `count` one-byte entries (ZIP64 end records past 65,534), for the entry-count limit. */
export function manyEntries(count: number): Uint8Array {
  const one = new Uint8Array([1]);
  return buildZip(Array.from({ length: count }, (_, i) => ({ name: `blobs/${i}`, data: one })), { zip64: count >= 0xffff });
}

/** The entries of a good `.kemas` archive (JSON deflated, blobs stored), in the writer's order. */
export async function goodEntries(input: ArchiveInput = fullArchiveInput()): Promise<RawEntry[]> {
  const files = unzipSync(await archiveBytes(input));
  return Object.entries(files).map(([name, data]) => ({ name, data, method: name.startsWith('blobs/') ? 0 : 8 }));
}

export interface ManifestJson {
  format: string;
  formatVersion: number;
  kind: string;
  counts: Record<string, number>;
  files: { path: string; sha256: string; bytes: number }[];
  [key: string]: unknown;
}

export const json = (value: unknown): Uint8Array => enc.encode(JSON.stringify(value));
export const readJson = <T>(entry: RawEntry): T => JSON.parse(new TextDecoder().decode(entry.data)) as T;
export const entry = (entries: RawEntry[], name: string): RawEntry => {
  const found = entries.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no entry ${name}`);
  return found;
};

/**
 * Rewrites `manifest.json` so it lists every other entry with its true sha256 and size (so a
 * tampered entry is refused for what was done to it, not for a stale checksum), then lets
 * `edit` change the manifest. Entries named in `unlisted` are left out of the list.
 */
export async function relist(entries: RawEntry[], edit: (m: ManifestJson) => void = () => {}, unlisted: readonly string[] = []): Promise<RawEntry[]> {
  const manifestEntry = entry(entries, 'manifest.json');
  const manifest = readJson<ManifestJson>(manifestEntry);
  const files: ManifestJson['files'] = [];
  for (const e of entries) {
    if (e.name === 'manifest.json' || unlisted.includes(e.name) || files.some((f) => f.path === e.name)) continue;
    files.push({ path: e.name, sha256: await sha256(e.data), bytes: e.data.length });
  }
  manifest.files = files;
  edit(manifest);
  return entries.map((e) => (e === manifestEntry ? { ...e, data: json(manifest) } : e));
}

/**
 * A raw deflate stream that inflates to `megabytes` MB of zeros, written by hand (one fixed-Huffman
 * block: a literal 0, then matches of 258 bytes at distance 1, 13 bits each), so the 100 MB never
 * exists on this side: ≈660 KB, made in milliseconds, ratio ≈160:1.
 */
export function zerosDeflated(megabytes = 100): { payload: Uint8Array; size: number } {
  const size = megabytes * 1024 * 1024;
  const runs = Math.floor((size - 1) / 258);
  const tail = size - 1 - runs * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + runs * 13 + tail * 8 + 7) / 8) + 1);
  let bit = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i += 1, bit += 1) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  // Huffman codes go in most significant bit first.
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i -= 1, bit += 1) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  bits(1, 1); // final block
  bits(1, 2); // fixed Huffman codes
  code(0b00110000, 8); // literal 0
  for (let r = 0; r < runs; r += 1) {
    code(0b11000101, 8); // length 258 (code 285, no extra bits)
    code(0, 5); // distance 1 (code 0, no extra bits)
  }
  for (let t = 0; t < tail; t += 1) code(0b00110000, 8);
  code(0, 7); // end of block (256)
  return { payload: out.subarray(0, (bit + 7) >> 3), size };
}

export interface HostileFile {
  bytes: Uint8Array;
  /** What `checkArchive` must answer. */
  problem: ArchiveProblem;
  /** The `path` it must name, when it names one. */
  path?: string;
}

const rename = (entries: RawEntry[], from: string, to: string) => entries.map((e) => (e.name === from ? { ...e, name: to } : e));
const withExtra = async (extra: RawEntry) => buildZip(await relist([...(await goodEntries()), extra]));

/**
 * Named hostile `.kemas` files: a good archive with one thing done to it. Each is built from real
 * bytes on demand.
 */
export const HOSTILE_FILES: Record<string, () => Promise<HostileFile>> = {
  'traversal ../x': async () => ({ bytes: await withExtra({ name: '../x', data: json('x') }), problem: 'unsafe-path', path: '../x' }),
  'absolute /etc/x': async () => ({ bytes: await withExtra({ name: '/etc/x', data: json('x') }), problem: 'unsafe-path', path: '/etc/x' }),
  'drive C:\\x': async () => ({ bytes: await withExtra({ name: 'C:\\x', data: json('x') }), problem: 'unsafe-path', path: 'C:\\x' }),
  'backslashes records\\x.json': async () => ({ bytes: await withExtra({ name: 'records\\x.json', data: json([]) }), problem: 'unsafe-path', path: 'records\\x.json' }),
  'symlink entry': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'blobs/0' ? { ...e, data: enc.encode('/etc/passwd'), externalAttributes: UNIX_SYMLINK } : e));
    return { bytes: buildZip(await relist(entries)), problem: 'link', path: 'blobs/0' };
  },
  'directory entry': async () => ({ bytes: await withExtra({ name: 'records/', data: new Uint8Array(0), externalAttributes: UNIX_DIRECTORY }), problem: 'unsafe-path', path: 'records/' }),
  'encrypted entry': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'records/reviews.json' ? { ...e, flags: 0x0801 } : e));
    return { bytes: buildZip(await relist(entries)), problem: 'encrypted', path: 'records/reviews.json' };
  },
  'bzip2 entry (method 12)': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'records/mentors.json' ? { ...e, method: 12, payload: e.data } : e));
    return { bytes: buildZip(await relist(entries)), problem: 'unsupported-compression', path: 'records/mentors.json' };
  },
  'duplicate names': async () => {
    const entries = await goodEntries();
    return { bytes: buildZip([...entries, { ...entry(entries, 'records/mentors.json') }]), problem: 'duplicate-entry', path: 'records/mentors.json' };
  },
  'declared size over the limit': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'blobs/1' ? { ...e, size: 2 * 1024 * 1024 * 1024, compressedSize: 2 * 1024 * 1024 * 1024 } : e));
    return { bytes: buildZip(entries), problem: 'entry-too-large', path: 'blobs/1' };
  },
  'compression bomb (100 MB of zeros, declared)': async () => {
    const { payload, size } = zerosDeflated();
    const bytes = buildZip([...(await goodEntries()), { name: 'blobs/9', data: new Uint8Array(0), method: 8, payload, size, crc: 0 }]);
    return { bytes, problem: 'compression-bomb', path: 'blobs/9' };
  },
  'compression bomb (declared 10 KB, inflates to 100 MB)': async () => {
    const { payload } = zerosDeflated();
    const entries = await goodEntries();
    const index = entry(entries, 'blobs.json');
    const lie: RawEntry = { ...index, payload, size: index.data.length };
    return { bytes: buildZip(await relist(entries.map((e) => (e === index ? lie : e)))), problem: 'compression-bomb', path: 'blobs.json' };
  },
  'not a zip at all': async () => ({ bytes: enc.encode('%PDF-1.7\n'.repeat(400)), problem: 'not-zip' }),
  'truncated zip': async () => {
    const bytes = buildZip(await goodEntries());
    return { bytes: bytes.slice(0, Math.floor(bytes.length * 0.6)), problem: 'not-zip' };
  },
  'corrupt JSON': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'records/reviews.json' ? { ...e, data: enc.encode('[{"id": "r1",') } : e));
    return { bytes: buildZip(await relist(entries)), problem: 'corrupt-json', path: 'records/reviews.json' };
  },
  'schema-invalid record': async () => {
    const entries = await goodEntries();
    const mentors = readJson<Record<string, unknown>[]>(entry(entries, 'records/mentors.json'));
    mentors[1] = { ...mentors[1], updatedAt: 'yesterday' };
    const changed = entries.map((e) => (e.name === 'records/mentors.json' ? { ...e, data: json(mentors) } : e));
    return { bytes: buildZip(await relist(changed)), problem: 'invalid-record', path: 'records/mentors.json[1]' };
  },
  'newer format version': async () => {
    const entries = await relist(await goodEntries(), (m) => {
      m.formatVersion = BUNDLE_FORMAT_VERSION + 1;
      m.files = [{ path: 'a new shape', sha256: 'x', bytes: -1 }];
    });
    return { bytes: buildZip(entries), problem: 'newer-version', path: 'manifest.json' };
  },
  'sha256 mismatch': async () => {
    const entries = await relist(await goodEntries());
    const changed = entries.map((e) => {
      if (e.name !== 'blobs/2') return e;
      const data = e.data.slice();
      data[100] = (data[100]! + 1) % 256;
      return { ...e, data };
    });
    return { bytes: buildZip(changed), problem: 'checksum', path: 'blobs/2' };
  },
  'original under another file’s key': async () => {
    // Bytes that are not the original's, listed with their own true sha256: only the key gives them away.
    const entries = await goodEntries();
    const original = readJson<{ kind: string; path: string }[]>(entry(entries, 'blobs.json')).find((row) => row.kind === 'original')!;
    const changed = entries.map((e) => (e.name === original.path ? { ...e, data: e.data.map((b) => (b + 1) % 256) } : e));
    return { bytes: buildZip(await relist(changed)), problem: 'checksum', path: original.path };
  },
  'listed file missing': async () => {
    const entries = await relist(await goodEntries());
    return { bytes: buildZip(entries.filter((e) => e.name !== 'records/annotations.json')), problem: 'missing-file', path: 'records/annotations.json' };
  },
  'unlisted entry': async () => {
    const entries = [...(await goodEntries()), { name: 'records/extra.json', data: json([]), method: 8 }];
    return { bytes: buildZip(await relist(entries, undefined, ['records/extra.json'])), problem: 'unlisted-file', path: 'records/extra.json' };
  },
  'blob index names a missing path': async () => {
    const entries = await goodEntries();
    const rows = readJson<{ path: string }[]>(entry(entries, 'blobs.json'));
    rows[2]!.path = 'blobs/7';
    const changed = entries.filter((e) => e.name !== 'blobs/2').map((e) => (e.name === 'blobs.json' ? { ...e, data: json(rows) } : e));
    return { bytes: buildZip(await relist(changed)), problem: 'missing-file', path: 'blobs/7' };
  },
  'no manifest.json': async () => ({ bytes: buildZip((await goodEntries()).filter((e) => e.name !== 'manifest.json')), problem: 'not-bundle' }),
  'manifest CRC mismatch': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'manifest.json' ? { ...e, crc: 0x1234 } : e));
    return { bytes: buildZip(entries), problem: 'checksum', path: 'manifest.json' };
  },
  'overlapping entries': async () => {
    const entries = await goodEntries();
    const twin: RawEntry = { ...entry(entries, 'blobs/0'), name: 'blobs/9', sameDataAs: 'blobs/0' };
    return { bytes: buildZip(await relist([...entries, twin])), problem: 'compression-bomb', path: 'blobs/0' };
  },
  'local header names another file': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'blobs/1' ? { ...e, localName: '../../x' } : e));
    return { bytes: buildZip(entries), problem: 'not-zip', path: 'blobs/1' };
  },
  'name not UTF-8': async () => {
    const bytes = buildZip(await relist([...(await goodEntries()), { name: 'blobs/\u00ff', data: new Uint8Array(1) }]));
    // Turn the two-byte UTF-8 ÿ into a lone 0xFF, keeping lengths: 'blobs/ÿ' becomes 'blobs/\xff' + 'x'.
    const utf8 = enc.encode('blobs/\u00ff');
    for (let i = 0; i + utf8.length <= bytes.length; i += 1) {
      if (utf8.every((b, k) => bytes[i + k] === b)) bytes.set([0xff, 0x78], i + 6);
    }
    return { bytes, problem: 'unsafe-path' };
  },
  'deflated image': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'blobs/1' ? { ...e, method: 8 } : e));
    return { bytes: buildZip(await relist(entries)), problem: 'unsupported-compression', path: 'blobs/1' };
  },
  'blob file no row names': async () => ({ bytes: buildZip(await relist([...(await goodEntries()), { name: 'blobs/3', data: new Uint8Array(10) }])), problem: 'unlisted-file', path: 'blobs/3' }),
  'file of no known kind, listed': async () => ({ bytes: buildZip(await relist([...(await goodEntries()), { name: 'readme.txt', data: enc.encode('hi') }])), problem: 'invalid', path: 'manifest.json files[15].path' }),
  'count differs from the records': async () => ({
    bytes: buildZip(await relist(await goodEntries(), (m) => void (m.counts.mentors = 3))),
    problem: 'invalid',
    path: 'manifest.json counts.mentors',
  }),
  'two records with one id': async () => {
    const entries = await goodEntries();
    const mentors = readJson<Record<string, unknown>[]>(entry(entries, 'records/mentors.json'));
    const changed = entries.map((e) => (e.name === 'records/mentors.json' ? { ...e, data: json([mentors[0], mentors[1], mentors[0]]) } : e));
    return { bytes: buildZip(await relist(changed, (m) => void (m.counts.mentors = 3))), problem: 'invalid-record', path: 'records/mentors.json[2]' };
  },
  'stored entry with two sizes': async () => {
    const entries = (await goodEntries()).map((e) => (e.name === 'blobs/2' ? { ...e, size: e.data.length + 1 } : e));
    return { bytes: buildZip(entries), problem: 'not-zip', path: 'blobs/2' };
  },
  'review file carrying a workshop': async () => ({
    bytes: buildZip(await relist(await goodEntries(), (m) => void (m.kind = 'review'))),
    problem: 'invalid',
    path: 'manifest.json counts.workshops',
  }),
  'preview typed as HTML': async () => {
    const entries = await goodEntries();
    const rows = readJson<{ mimeType: string }[]>(entry(entries, 'blobs.json'));
    rows[1]!.mimeType = 'text/html';
    const changed = entries.map((e) => (e.name === 'blobs.json' ? { ...e, data: json(rows) } : e));
    return { bytes: buildZip(await relist(changed)), problem: 'invalid-record', path: 'blobs.json[1]' };
  },
  'MIME type smuggling a header': async () => {
    const entries = await goodEntries();
    const rows = readJson<{ mimeType: string }[]>(entry(entries, 'blobs.json'));
    rows[0]!.mimeType = 'image/png\r\nContent-Disposition: attachment';
    const changed = entries.map((e) => (e.name === 'blobs.json' ? { ...e, data: json(rows) } : e));
    return { bytes: buildZip(await relist(changed)), problem: 'invalid-record', path: 'blobs.json[0]' };
  },
  'empty file': async () => ({ bytes: new Uint8Array(0), problem: 'not-zip' }),
  'renamed entry': async () => ({ bytes: buildZip(rename(await goodEntries(), 'blobs/2', 'blobs/02')), problem: 'missing-file', path: 'blobs/2' }),
};
