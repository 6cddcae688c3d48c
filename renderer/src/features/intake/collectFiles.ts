/** A file picked or dropped, with its path inside a dropped folder (for the report). */
export interface SourceFile {
  file: File;
  path: string;
}

// Chromium's entry API for dropped folders; typed here because lib.dom's types lag.
interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (file: File) => void, failure: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: EntryLike[]) => void, failure: (error: unknown) => void): void };
}

const IGNORED = /^(\.|~\$|Thumbs\.db$|desktop\.ini$)/i;

async function walk(entry: EntryLike, out: SourceFile[]): Promise<void> {
  if (IGNORED.test(entry.name)) return;
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((resolve, reject) => entry.file?.(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  if (entry.isDirectory && entry.createReader) {
    const reader = entry.createReader();
    // readEntries answers in chunks (about 100 at a time) until it answers empty.
    for (;;) {
      const chunk = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (chunk.length === 0) break;
      for (const child of chunk) await walk(child, out);
    }
  }
}

/** Every file in a drop, folders included, in a stable order. */
export async function filesFromDrop(data: DataTransfer): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry(): EntryLike | null }).webkitGetAsEntry());
  if (entries.some((e) => e !== null)) {
    for (const entry of entries) if (entry) await walk(entry, out);
  } else {
    for (const file of Array.from(data.files)) out.push({ file, path: file.name });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path, 'id', { numeric: true }));
}

/** Files from an <input type="file"> (with `webkitdirectory`, a whole folder). */
export function filesFromInput(list: FileList | null): SourceFile[] {
  return Array.from(list ?? [])
    .filter((file) => !IGNORED.test(file.name))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .sort((a, b) => a.path.localeCompare(b.path, 'id', { numeric: true }));
}
