import { AddressList, LOOPBACK_ONLY } from './address-list';

describe('AddressList', () => {
  it('lets in this machine by default, over IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const loopback = AddressList.parse(LOOPBACK_ONLY);
    expect(loopback.includes('127.0.0.1')).toBe(true);
    expect(loopback.includes('127.3.2.1')).toBe(true);
    expect(loopback.includes('::1')).toBe(true);
    expect(loopback.includes('::ffff:127.0.0.1')).toBe(true);
    expect(loopback.includes('10.0.0.5')).toBe(false);
    expect(loopback.includes('::ffff:10.0.0.5')).toBe(false);
    expect(loopback.includes('fe80::1')).toBe(false);
    expect(loopback.includes(undefined)).toBe(false);
  });

  it('reads networks and bare addresses, blanks around commas ignored', () => {
    const list = AddressList.parse(' 10.0.0.0/8 ,192.168.1.7, fd00::/8');
    expect(list.entries).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
    expect(list.includes('10.200.3.4')).toBe(true);
    expect(list.includes('192.168.1.7')).toBe(true);
    expect(list.includes('192.168.1.8')).toBe(false);
    expect(list.includes('fd12::3')).toBe(true);
    expect(list.includes('127.0.0.1')).toBe(false);
  });

  it('lets everyone in with 0.0.0.0/0 and ::/0', () => {
    const everyone = AddressList.parse('0.0.0.0/0, ::/0');
    expect(everyone.includes('203.0.113.9')).toBe(true);
    expect(everyone.includes('2001:db8::1')).toBe(true);
  });

  it.each([
    '',
    ' , ',
    'localhost',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.0/8/1',
    '10.0.0.0/x',
    '300.1.1.1',
  ])('refuses %j', (value) => {
    expect(() => AddressList.parse(value)).toThrow();
  });
});
