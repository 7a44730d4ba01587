/**
 * The chat's resume token, kept for this tab only (sessionStorage): a reload or a dropped
 * connection comes back to the same chat, while another tab, a closed tab or a shared device
 * later on finds nothing. Quick exit clears it with the rest of the tab's storage.
 */
import type { ChatOpened } from '@hotline/chat-protocol';

const KEY = 'hotline.chat';

/** sessionStorage, or null where the browser refuses it (the chat then lasts as long as the page). */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'clear'> | null;

export function keptChat(storage: TabStorage): ChatOpened | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const kept = JSON.parse(raw) as Partial<ChatOpened> | null;
    if (typeof kept?.chatId === 'string' && typeof kept.token === 'string')
      return { chatId: kept.chatId, token: kept.token };
  } catch {
    // Not ours, or damaged: as if nothing was kept.
  }
  return null;
}

export function keepChat(storage: TabStorage, chat: ChatOpened): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ chatId: chat.chatId, token: chat.token }));
  } catch {
    // Not kept: a reload starts afresh, the chat itself goes on.
  }
}

export function forgetChat(storage: TabStorage): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** Everything this tab keeps for the page: the chat and the language chosen. */
export function clearTab(storage: TabStorage): void {
  try {
    storage?.clear();
  } catch {
    // Nothing was kept.
  }
}

/** The page's storage for the tab, if the browser gives one. */
export function tabStorage(): TabStorage {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
