import { BlockList, isIP } from 'node:net';

/** Who may read the metrics when METRICS_ALLOW is not set: this machine only. */
export const LOOPBACK_ONLY = '127.0.0.1/8, ::1';

/**
 * A list of networks written as CIDRs ("10.0.0.0/8, ::1"); a bare address means that one
 * address. An IPv4 address reached over IPv6 (`::ffff:127.0.0.1`) counts as the IPv4 one.
 */
export class AddressList {
  private readonly list = new BlockList();

  private constructor(readonly entries: readonly string[]) {}

  /** Throws an Error naming the first entry that is not an address or a CIDR. */
  static parse(value: string): AddressList {
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) throw new Error('no network given');
    const parsed = new AddressList(entries);
    for (const entry of entries) {
      const [address, prefix, extra] = entry.split('/');
      const family = isIP(address);
      const bits = family === 4 ? 32 : 128;
      const length = prefix === undefined ? bits : Number(prefix);
      if (
        family === 0 ||
        extra !== undefined ||
        (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
        length > bits
      )
        throw new Error(`"${entry}" is not an address or a CIDR`);
      parsed.list.addSubnet(address, length, family === 4 ? 'ipv4' : 'ipv6');
    }
    return parsed;
  }

  includes(address: string | undefined): boolean {
    if (!address) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped ? mapped[1] : address;
    const family = isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}
