import ipaddr from 'ipaddr.js';

/**
 * `Fn::Cidr [ipBlock, count, cidrBits]`: the first `count` subnets of
 * `ipBlock` with `cidrBits` host bits each, as CloudFormation computes them.
 * Returns undefined when the arguments are not valid.
 */
export function cidrSubnets(ipBlock: string, count: number, cidrBits: number): string[] | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(ipBlock);
  } catch {
    return undefined;
  }
  const [addr, prefix] = parsed;
  const width = addr.kind() === 'ipv4' ? 32 : 128;
  const newPrefix = width - cidrBits;
  if (!Number.isInteger(count) || !Number.isInteger(cidrBits) || count < 1 || count > 256 || newPrefix < prefix || cidrBits < 0) return undefined;
  const bytes = addr.toByteArray();
  let base = 0n;
  for (const b of bytes) base = (base << 8n) | BigInt(b);
  const hostMask = (1n << BigInt(width - prefix)) - 1n;
  base &= ~hostMask;
  const step = 1n << BigInt(cidrBits);
  const out: string[] = [];
  for (let i = 0n; i < BigInt(count); i++) {
    const n = base + i * step;
    if (n >> BigInt(width) !== 0n || (n & ~hostMask) !== base) return undefined;
    const outBytes: number[] = [];
    for (let k = bytes.length - 1; k >= 0; k--) outBytes[k] = Number((n >> BigInt(8 * (bytes.length - 1 - k))) & 0xffn);
    out.push(`${ipaddr.fromByteArray(outBytes).toString()}/${newPrefix}`);
  }
  return out;
}
