import type { LiveChat } from '@hotline/chat-protocol';
import type { ConsoleStore } from '../console-store';
import { isVolunteerOf } from '../live-chats';
import type { LiveState } from '../live-state';
import { type ChatActions, ChatPanel } from './ChatPanel';
import { WrapUpForm } from './WrapUpForm';

/** The store's levers on one chat, for its panel. */
export function chatActions(store: ConsoleStore, chatId: string): ChatActions {
  return {
    send: (text) => store.sendChat(chatId, text),
    typing: (typing) => store.chatTyping(chatId, typing),
    end: () => void store.endChat(chatId),
    transfer: (to) => void store.transferChat(chatId, to),
    colleagues: () => store.chatColleagues(chatId),
    crisis: () => void store.chatCrisis(chatId),
    leave: () => void store.leaveChat(chatId),
    close: () => store.closeChat(chatId),
  };
}

/**
 * The chats on my desk: a panel per chat I hold, and beside each of mine that ended, its wrap-up
 * (channel online; the transcript stays in view while the record is written), until the record
 * is kept or, its wrap-up time over, the volunteer leaves it. A record due for a chat this
 * console no longer shows (after a reload) is asked for all the same.
 */
export function HeldChats({
  live,
  store,
  busy,
  accessToken,
  serverNow,
}: {
  live: LiveState;
  store: ConsoleStore;
  busy: boolean;
  accessToken: string;
  serverNow: (now: number) => number;
}) {
  const chats = live.chats ?? [];
  const due = live.me.wrapUpChatIds ?? [];
  const unseen = due.filter((chatId) => !chats.some((chat) => chat.chatId === chatId));
  const record = (chatId: string, chat: LiveChat | null) => (
    <WrapUpForm
      key={`record-${chatId}`}
      chat
      recordDue={{
        callId: chatId,
        callerType: chat?.callerType ?? null,
        topic: chat?.topic ?? null,
      }}
      // Its wrap-up time ran out: the record is still taken, or the volunteer leaves it.
      late={!due.includes(chatId)}
      busy={busy}
      accessToken={accessToken}
      onSubmit={(contact) => store.finishChatWrapUp(chatId, contact)}
      onClose={() => store.closeChat(chatId)}
    />
  );
  return (
    <>
      {chats.map((chat) => (
        <div key={chat.chatId} className="held-chat" data-held-chat={chat.chatId}>
          <ChatPanel
            chat={chat}
            meId={live.me.id}
            busy={busy}
            serverNow={serverNow}
            actions={chatActions(store, chat.chatId)}
          />
          {chat.phase === 'ended' && isVolunteerOf(chat, live.me.id) && record(chat.chatId, chat)}
        </div>
      ))}
      {unseen.map((chatId) => record(chatId, null))}
    </>
  );
}
