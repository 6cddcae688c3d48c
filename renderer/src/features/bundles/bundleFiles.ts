import { safeFileName } from '#shared/files/safeFileName.ts';

/** Today as YYYY-MM-DD on this laptop's calendar. */
export function localDate(ms: number = Date.now()): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "Lokakarya Malang 2026-11-28.kemas" */
export function workshopBundleName(workshopName: string, ms?: number): string {
  return safeFileName(`${workshopName} ${localDate(ms)}`, 'kemas');
}

/** "Lokakarya Malang - Budi Santoso 2026-11-28.kemas" */
export function reviewBundleName(workshopName: string, mentorName: string, ms?: number): string {
  return safeFileName(`${workshopName} - ${mentorName} ${localDate(ms)}`, 'kemas');
}
