/**
 * Hands a file the studio made (an export) to the person, as a download. The
 * browser host's Chromium saves it to the downloads folder; Electron shows its
 * save dialog for it (`will-download`). Both keep the suggested name.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; free the URL once it is under way.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
