import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const VIPSTHUMBNAIL = '/usr/bin/vipsthumbnail';
/** The real ImageMagick 6; /usr/local/bin/convert is a stand-in that must never be used here. */
export const CONVERT = '/usr/bin/convert';

export interface PeerTools {
  vipsthumbnail: boolean;
  imagemagick: boolean;
  /** Why a peer is missing, when one is. */
  note: string | null;
}

function isRealImageMagick(): boolean {
  if (!existsSync(CONVERT)) return false;
  const version = spawnSync(CONVERT, ['-version'], { encoding: 'utf8' });
  return version.status === 0 && version.stdout.includes('ImageMagick');
}

function present(): PeerTools {
  return { vipsthumbnail: existsSync(VIPSTHUMBNAIL), imagemagick: isRealImageMagick(), note: null };
}

/**
 * The peer tools, installed from Debian's archive when one is missing and we
 * are root (`libvips-tools`, `imagemagick`). Never throws: a peer that cannot
 * be had is reported as unavailable.
 */
export function ensurePeerTools(): PeerTools {
  const found = present();
  if (found.vipsthumbnail && found.imagemagick) return found;
  if (process.getuid?.() !== 0) return { ...found, note: 'not installed, and not root to install it' };
  console.log('\ninstalling libvips-tools and imagemagick for the ingest peers…');
  const install = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq libvips-tools imagemagick'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 10 * 60_000,
  });
  const after = present();
  if (after.vipsthumbnail && after.imagemagick) return after;
  return { ...after, note: `apt-get install failed (exit ${install.status ?? install.signal ?? install.error?.message})` };
}

/** Runs a program to completion; rejects with its stderr when it fails. */
export function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env: { ...process.env, ...env }, maxBuffer: 1 << 20 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')}: ${stderr || error.message}`));
      else resolve();
    });
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds this process and its waited-for children have used, for a
 * figure that a busy machine disturbs less than wall time: Node's own
 * process.cpuUsage() (every thread: worker pool, libuv, libvips) plus the
 * children's user and system time from /proc/self/stat (Linux; 10 ms ticks).
 * Null where /proc is not there.
 */
export function cpuSeconds(): number | null {
  let children: number;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after "pid (comm) " start at field 3; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
  const self = process.cpuUsage();
  return (self.user + self.system) / 1e6 + children;
}
