import { clearTab, forgetChat, keepChat, keptChat } from './resume';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

describe('the resume token kept for the tab', () => {
  it('keeps a chat, finds it again, and forgets it', () => {
    const storage = memoryStorage();
    expect(keptChat(storage)).toBeNull();
    keepChat(storage, { chatId: 'c1', token: 't1' });
    expect(keptChat(storage)).toEqual({ chatId: 'c1', token: 't1' });
    forgetChat(storage);
    expect(keptChat(storage)).toBeNull();
  });

  it('reads damaged or foreign values as nothing kept', () => {
    const storage = memoryStorage();
    storage.setItem('hotline.chat', '{not json');
    expect(keptChat(storage)).toBeNull();
    storage.setItem('hotline.chat', JSON.stringify({ chatId: 1 }));
    expect(keptChat(storage)).toBeNull();
  });

  it('clears the whole tab, and survives a browser that refuses storage', () => {
    const storage = memoryStorage();
    keepChat(storage, { chatId: 'c1', token: 't1' });
    storage.setItem('hotline.chat.locale', 'en');
    clearTab(storage);
    expect(storage.length).toBe(0);

    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
      clear: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => keepChat(refusing, { chatId: 'c', token: 't' })).not.toThrow();
    expect(keptChat(refusing)).toBeNull();
    expect(() => forgetChat(refusing)).not.toThrow();
    expect(() => clearTab(refusing)).not.toThrow();
    expect(keptChat(null)).toBeNull();
  });
});
