// `npm run web`: builds what is missing, then starts the browser host.
import { buildIfStale } from './build.ts';

buildIfStale();
const { parseWebHostArgs, startWebHost } = await import('#electron/web/main.ts');
await startWebHost(parseWebHostArgs(process.argv.slice(2)));
