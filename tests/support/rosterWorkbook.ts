import ExcelJS from 'exceljs';

/**
 * A roster as the regional office sends it, written by exceljs (not by this
 * project's own XLSX writer): an instructions sheet first, then the roster on
 * the second sheet under two merged title rows, phone numbers stored as
 * numbers, registration dates as dates, the region merged down the rows of
 * one Bakorwil, and the pack size in one column in centimetres.
 */
export async function officeRosterXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Bakorwil Madiun';
  const guide = book.addWorksheet('Petunjuk');
  guide.addRow(['Petunjuk pengisian']);
  guide.addRow(['Isi data peserta di lembar "Peserta". Satu baris untuk satu produk.']);

  const sheet = book.addWorksheet('Peserta');
  sheet.addRow(['DAFTAR PESERTA PELATIHAN DESAIN KEMASAN UMKM']);
  sheet.addRow(['Bakorwil Madiun — Mei 2024']);
  sheet.mergeCells('A1:J1');
  sheet.mergeCells('A2:J2');
  sheet.addRow([]);
  sheet.addRow(['No', 'Nama Usaha', 'Nama Pemilik', 'Produk', 'Kategori', 'Wilayah', 'No. HP', 'Tanggal Daftar', 'Ukuran Kemasan (cm)', 'Berkas Desain']);
  const rows: (string | number | Date | null)[][] = [
    [1, 'Brem Suling Bu Warni', 'Suwarni', 'Brem Madiun', 'Makanan', 'Madiun', 81234567890, new Date(Date.UTC(2024, 4, 2)), '14 x 22 x 4', 'brem-depan.png'],
    [2, 'Ledre Pisang Bojonegoro', 'Siti Aminah', 'Ledre Pisang', 'Camilan', null, 85755512345, new Date(Date.UTC(2024, 4, 3)), '10x15x5', ''],
    [3, 'Madu Hutan Lestari', 'Agus Salim', 'Madu Hutan', 'Minuman', null, 82140001234, new Date(Date.UTC(2024, 4, 3)), '12 x 18', ''],
    [4, 'Sambal Roa Mak Nyak', 'Nyak Halimah', 'Sambal Roa', 'Oleh-oleh', 'Jember', 81399990000, new Date(Date.UTC(2024, 4, 6)), '7,5 x 12', ''],
    [5, 'Kopi Lereng Ijen', 'Hendra Kurniawan', 'Kopi Bubuk', 'Minuman', null, 81300001111, new Date(Date.UTC(2024, 4, 6)), 'besar', ''],
  ];
  for (const row of rows) sheet.addRow(row);
  // Madiun over the first three participants, Jember over the last two.
  sheet.mergeCells('F5:F7');
  sheet.mergeCells('F8:F9');
  sheet.getColumn(7).numFmt = '0';
  sheet.getColumn(8).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}
