import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `::ffff:1.2.3.4` → `1.2.3.4`; an IPv6 address → its /64 (one customer's share, which anyone holds whole). */
export function normaliseAddress(address: string): string {
  const a = address
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return mapped[1]!;
  if (isIP(a) !== 6) return a;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = a.includes('::') && tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The address a request came from: the socket's peer, or with `trustProxy` hops of reverse proxies in
 * front, the address the outermost trusted proxy saw (X-Forwarded-For is read from the right, since a
 * client can put anything on its left).
 */
export function clientAddressOf(req: IncomingMessage, trustProxy: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return normaliseAddress(peer);
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const chosen = hops.length ? hops[Math.max(0, hops.length - trustProxy)]! : peer;
  return normaliseAddress(isIP(chosen.replace(/^\[|\]$/g, '')) ? chosen : peer);
}
