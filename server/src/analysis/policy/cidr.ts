/** CIDR parsing and containment for IPv4 and IPv6 (as Go's net.ParseCIDR reads them). */

export interface Cidr {
  readonly family: 4 | 6;
  /** The address as an unsigned integer (32 or 128 bits). */
  readonly address: bigint;
  readonly prefix: number;
  /** The network address (host bits cleared). */
  readonly network: bigint;
  readonly hostBitsSet: boolean;
  /** `10.0.0.0/16`: the canonical form. */
  readonly canonical: string;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const v4 = parseIPv4(addr);
  const family: 4 | 6 | undefined = v4 !== undefined ? 4 : addr.includes(':') ? 6 : undefined;
  const address = v4 ?? (family === 6 ? parseIPv6(addr) : undefined);
  if (address === undefined || family === undefined) return undefined;
  const width = family === 4 ? 32 : 128;
  if (prefix > width) return undefined;
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  const network = address & ~hostMask & ((1n << BigInt(width)) - 1n);
  return { family, address, prefix, network, hostBitsSet: network !== address, canonical: `${format(network, family)}/${prefix}` };
}

/** True when `inner` lies inside `outer` (same family, longer or equal prefix, same network bits). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || inner.prefix < outer.prefix) return false;
  const width = outer.family === 4 ? 32 : 128;
  const shift = BigInt(width - outer.prefix);
  return inner.address >> shift === outer.network >> shift;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return undefined;
  let text = s;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 tail (::ffff:10.0.0.1) is two groups.
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    text = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const groupsOf = (part: string): string[] | undefined => {
    if (!part) return [];
    const g = part.split(':');
    return g.every((x) => /^[0-9A-Fa-f]{1,4}$/.test(x)) ? g : undefined;
  };
  let groups: string[];
  const double = text.indexOf('::');
  if (double >= 0) {
    if (double !== text.lastIndexOf('::')) return undefined;
    const left = groupsOf(text.slice(0, double));
    const right = groupsOf(text.slice(double + 2));
    if (!left || !right || left.length + right.length > 7) return undefined;
    groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  } else {
    const all = groupsOf(text);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(parseInt(g, 16));
  return v;
}

function format(v: bigint, family: 4 | 6): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((v >> BigInt(i * 16)) & 0xffffn).toString(16));
  // Compress the longest run of zero groups (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
