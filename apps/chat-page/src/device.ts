/**
 * A random id for this browser, kept in localStorage and sent with each new chat and message,
 * so that a supervisor can block a device that abuses the chat (the server keeps only a keyed
 * hash of it). It says nothing about the writer; without storage none is sent.
 */

const KEY = 'hotline.chat.device';

export type DeviceStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

export function deviceId(
  storage: DeviceStorage,
  random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes),
): string | undefined {
  try {
    const kept = storage?.getItem(KEY);
    if (kept && /^[0-9a-f]{32}$/.test(kept)) return kept;
    if (!storage) return undefined;
    const id = [...random(new Uint8Array(16))]
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
    storage.setItem(KEY, id);
    return id;
  } catch {
    return undefined;
  }
}

/** The browser's localStorage, if it gives one. */
export function deviceStorage(): DeviceStorage {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
