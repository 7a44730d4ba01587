import { deviceId } from './device';

describe('the device id', () => {
  it('is made once, random, and kept', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    const first = deviceId(storage, (bytes) => bytes.fill(171));
    expect(first).toBe('ab'.repeat(16));
    expect(deviceId(storage, (bytes) => bytes.fill(1))).toBe(first);
  });

  it('replaces a damaged one, and is left out without storage', () => {
    const items = new Map([['hotline.chat.device', 'not an id']]);
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    expect(deviceId(storage, (bytes) => bytes.fill(0))).toBe('00'.repeat(16));
    expect(deviceId(null)).toBeUndefined();
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
    };
    expect(deviceId(refusing)).toBeUndefined();
  });
});
