import type { NetworkInterfaceInfo } from 'node:os';
import type { HandoutInterface } from '#shared/contract/handout.ts';

/**
 * The addresses a hand-out may listen on, by interface name: every IPv4 and
 * routable IPv6 address of the machine (the Wi-Fi, the Ethernet, a phone's
 * hotspot), and loopback for trying it out on this computer. Never the
 * wildcard: the mentor picks one network. On Linux and Windows the whole of
 * 127.0.0.0/8 answers locally, so 127.0.0.2 stands in for a second network in
 * tests; macOS configures only 127.0.0.1.
 */
export function handoutInterfaces(
  system: NodeJS.Dict<NetworkInterfaceInfo[]>,
  platform: NodeJS.Platform = process.platform,
): HandoutInterface[] {
  const found: HandoutInterface[] = [];
  for (const [name, addresses] of Object.entries(system)) {
    for (const info of addresses ?? []) {
      // Link-local IPv6 needs a zone id in every link a phone opens: not worth offering.
      if (info.family === 'IPv6' && (info.internal || /^fe[89ab]/i.test(info.address))) continue;
      if (info.family !== 'IPv4' && info.family !== 'IPv6') continue;
      found.push({ name, address: info.address, family: info.family, loopback: info.internal });
    }
  }
  if (!found.some((i) => i.address === '127.0.0.1')) found.push({ name: 'loopback', address: '127.0.0.1', family: 'IPv4', loopback: true });
  if (platform === 'linux' || platform === 'win32') found.push({ name: 'loopback', address: '127.0.0.2', family: 'IPv4', loopback: true });
  // Networks phones can reach first, then loopback.
  return found.sort((a, b) => Number(a.loopback) - Number(b.loopback));
}

/** The origin phones open: `http://192.168.1.20:4790`, IPv6 in brackets. */
export function handoutOrigin(address: string, port: number): string {
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
