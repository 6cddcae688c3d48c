import { renderSummaryPdf } from '#electron/services/pack/renderSummaryPdf.ts';
import { buildSummaryModel } from '#shared/pack/summaryModel.ts';
import { summaryInput } from '../support/summaryFixture.ts';
import { median, percentile, round, type Measure } from './measure.ts';

const SUBMISSIONS = 300;
const WARM_UP = 2;
const RUNS = 10;

/** The curator's summary report of a 300-submission session with three mentors (model + PDF). */
export default async function summaryBench(): Promise<Measure[]> {
  const input = summaryInput({ submissions: SUBMISSIONS, versions: 2 });
  const options = { language: 'id' as const, normalised: false, flagSpreadAbove: 20 };
  const run = async () => renderSummaryPdf(buildSummaryModel(input, options), { pageSize: 'A4' });
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const times: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    pdf = await run();
    times.push(performance.now() - t);
  }
  // The work was real: a tagged PDF came out.
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || !pdf.includes('/StructTreeRoot')) throw new Error('summary bench: no tagged PDF');
  const label = `${SUBMISSIONS} submissions, 3 mentors, 10 criteria`;
  return [
    { name: `summary report (model + PDF), median (${label})`, value: round(median(times), 1), unit: 'ms' },
    { name: `summary report (model + PDF), p95`, value: round(percentile(times, 95), 1), unit: 'ms' },
    { name: `summary report PDF size`, value: round(pdf.byteLength / 1_000_000, 2), unit: 'MB' },
  ];
}
