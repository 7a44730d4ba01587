/**
 * The chat itself: the queue while waiting, then the conversation, then its end. Unlike the
 * other views it is built once and changed in place, so the log only grows (a screen reader
 * reads each new message once, through its `role="log"`) and what the writer is typing keeps
 * its caret.
 */
import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatMessage,
  type ChatOpened,
  TypingShown,
  TypingSignal,
} from '@hotline/chat-protocol';
import { h } from '../../booking-page/src/dom';
import {
  type ChatEvent,
  type Conversation,
  type Outgoing,
  applyChatEvent,
  canWrite,
  charactersIn,
  checkText,
  openingConversation,
  waitMinutes,
} from './conversation';
import { localParts } from './hours';
import { emptyIntake } from './intake';
import { ChatLink } from './link';
import { forgetChat } from './resume';
import { go, state, storage, t, update } from './page';

/** The composer shows its count only near the limit: most messages are short. */
const COUNT_FROM = CHAT_MESSAGE_MAX_LENGTH - 200;

interface Elements {
  root: HTMLElement;
  heading: HTMLHeadingElement;
  status: HTMLElement;
  /** While waiting: keep the page open, and what is written now is read first. */
  waitHint: HTMLElement;
  linkStatus: HTMLElement;
  log: HTMLOListElement;
  typing: HTMLElement;
  ended: HTMLElement;
  composer: HTMLFormElement;
  text: HTMLTextAreaElement;
  counter: HTMLElement;
  send: HTMLButtonElement;
  end: HTMLElement;
  /** The log's items by message id, and by local id for messages not stored yet. */
  stored: Map<string, HTMLElement>;
  pending: Map<string, HTMLElement>;
  /** What was last drawn, to say only what changed. */
  phase: Conversation['phase'] | null;
  askingEnd: boolean | null;
}

let elements: Elements | null = null;
const typingSignal = new TypingSignal((typing) => state.link?.typing(typing));
/** The volunteer's typing as shown: it lapses when no signal renews it. */
const volunteerTyping = new TypingShown((typing) => apply({ type: 'typing', typing }));

/** A chat was opened or is resumed: connect with its token and show it. */
export function startChat(opened: ChatOpened): void {
  state.link?.close();
  state.chat = openingConversation(opened.chatId);
  state.askingEnd = false;
  state.link = new ChatLink(opened.token, receive);
  go({ name: 'chat' });
}

function receive(event: ChatEvent): void {
  if (event.type === 'typing') volunteerTyping.heard(event.typing);
  else apply(event);
}

function apply(event: ChatEvent): void {
  if (!state.chat) return;
  const chat = applyChatEvent(state.chat, event);
  // Over, or unknown to the server: a reload starts afresh rather than come back to it.
  if (chat.phase === 'ended' || chat.link === 'gone') {
    forgetChat(storage);
    typingSignal.stop();
    volunteerTyping.stop();
  }
  update({ chat });
}

/** The view: built when `fresh`, else brought up to date in place (null: nothing to replace). */
export function chatView(fresh: boolean): HTMLElement | null {
  const chat = state.chat;
  if (!chat) return null;
  if (fresh || !elements) {
    elements = build();
    for (const message of chat.messages) append(elements, message);
  }
  patch(elements, chat);
  return fresh ? elements.root : null;
}

function build(): Elements {
  const heading = h('h1', { tabindex: -1, id: 'chat-heading' });
  const status = h('p', { class: 'chat__status', role: 'status', id: 'chat-status' });
  const waitHint = h(
    'p',
    { class: 'hint', hidden: true },
    t('waiting.stay'),
    ' ',
    t('waiting.write'),
  );
  const linkStatus = h('p', { class: 'chat__link', role: 'status', id: 'chat-link' });
  const log = h('ol', {
    class: 'chat__log',
    role: 'log',
    'aria-label': t('log.label'),
    // Scrolls on its own: reachable by keyboard to scroll it.
    tabindex: 0,
    id: 'chat-log',
  });
  const typing = h('p', { class: 'chat__typing', 'aria-live': 'polite', id: 'chat-typing' });
  const ended = h(
    'div',
    { class: 'chat__ended', hidden: true },
    h('p', { class: 'chat__ended-reason', id: 'chat-ended-reason' }),
    h('p', {}, t('ended.thanks')),
    h(
      'button',
      { type: 'button', class: 'button', 'data-action': 'again', onclick: startAgain },
      t('ended.again'),
    ),
  );
  const text = h('textarea', {
    id: 'composer-text',
    rows: 2,
    value: '',
    autocomplete: 'off',
    'aria-describedby': 'composer-counter',
    oninput: () => {
      typingSignal.input(text.value.trim() === '');
      drawCounter();
    },
    onkeydown: (event: Event) => {
      const key = event as KeyboardEvent;
      // Enter sends, Shift+Enter is a new line; never while an input method is composing.
      if (key.key === 'Enter' && !key.shiftKey && !key.isComposing && key.keyCode !== 229) {
        key.preventDefault();
        sendTyped();
      }
    },
  });
  const counter = h('p', { class: 'counter', id: 'composer-counter' });
  const drawCounter = () => {
    const count = charactersIn(text.value.trim());
    counter.textContent =
      count >= COUNT_FROM ? t('composer.counter', { count, max: CHAT_MESSAGE_MAX_LENGTH }) : '';
    counter.className = count > CHAT_MESSAGE_MAX_LENGTH ? 'counter counter--over' : 'counter';
  };
  const send = h(
    'button',
    { type: 'submit', class: 'button composer__send', 'data-action': 'send' },
    t('composer.send'),
  );
  const composer = h(
    'form',
    {
      // A field of the pages' forms, its label for screen readers only.
      class: 'composer field',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        sendTyped();
      },
    },
    h('label', { for: 'composer-text', class: 'visually-hidden' }, t('composer.label')),
    h('div', { class: 'composer__row' }, text, send),
    counter,
  );
  const end = h('div', { class: 'chat__end' });
  const root = h(
    'section',
    { class: 'chat', 'aria-labelledby': 'chat-heading' },
    h('div', { class: 'chat__head' }, heading, status, waitHint, linkStatus),
    log,
    typing,
    ended,
    composer,
    end,
  );

  function sendTyped(): void {
    const checked = checkText(text.value, CHAT_MESSAGE_MAX_LENGTH);
    if (!checked.ok || !state.chat || !canWrite(state.chat)) {
      if (checked.ok || checked.problem === 'too_long') drawCounter();
      return;
    }
    text.value = '';
    drawCounter();
    typingSignal.stop();
    void state.link?.send(checked.text);
  }

  return {
    root,
    heading,
    status,
    waitHint,
    linkStatus,
    log,
    typing,
    ended,
    composer,
    text,
    counter,
    send,
    end,
    stored: new Map(),
    pending: new Map(),
    phase: null,
    askingEnd: null,
  };
}

function patch(view: Elements, chat: Conversation): void {
  const phaseChanged = view.phase !== chat.phase;
  // Answered while the writer watched (not a resumed chat that was already in conversation).
  const wasWaiting = view.phase === 'waiting';
  view.phase = chat.phase;

  view.heading.textContent = t(
    chat.phase === 'talking'
      ? 'talking.heading'
      : chat.phase === 'ended'
        ? 'ended.heading'
        : 'waiting.heading',
  );
  view.status.textContent = statusOf(chat, phaseChanged && wasWaiting, view.status.textContent);
  view.waitHint.hidden = chat.phase !== 'waiting';
  view.linkStatus.textContent =
    chat.link === 'gone'
      ? t('link.gone')
      : chat.link === 'reconnecting' && chat.phase !== 'ended'
        ? t('link.reconnecting')
        : '';

  const nearBottom = view.log.scrollHeight - view.log.scrollTop - view.log.clientHeight < 80;
  for (const message of chat.messages) if (!view.stored.has(message.id)) append(view, message);
  drawPending(view, chat.outgoing);
  if (nearBottom || phaseChanged) view.log.scrollTop = view.log.scrollHeight;
  view.log.hidden = chat.messages.length === 0 && chat.outgoing.length === 0;

  view.typing.textContent = chat.volunteerTyping ? t('typing') : '';

  const over = chat.phase === 'ended' || chat.link === 'gone';
  view.ended.hidden = !over;
  const reason = view.ended.querySelector('#chat-ended-reason');
  if (reason)
    reason.textContent =
      chat.link === 'gone' && chat.phase !== 'ended'
        ? ''
        : chat.endReason
          ? t(`ended.${chat.endReason}`)
          : '';
  view.composer.hidden = (chat.phase !== 'waiting' && chat.phase !== 'talking') || over;
  view.send.disabled = !canWrite(chat);
  drawEnd(view, over);

  if (phaseChanged && !over && chat.phase === 'talking' && wasWaiting && idleFocus())
    view.text.focus();
  if (phaseChanged && chat.phase === 'ended') view.heading.focus();
}

/** What the status line says: the place in the queue, "a counsellor joined", or why it ended. */
function statusOf(chat: Conversation, justAnswered: boolean, shown: string | null): string {
  if (chat.phase === 'waiting' && chat.queue) {
    const minutes = waitMinutes(chat.queue.expectedWaitSeconds);
    const place =
      chat.queue.position <= 1
        ? t('waiting.next')
        : t('waiting.position', { position: chat.queue.position });
    const wait = minutes === null ? t('waiting.soon') : t('waiting.wait', { minutes });
    return `${place} · ${wait}`;
  }
  if (chat.phase === 'opening' || chat.phase === 'waiting') return t('waiting.opening');
  if (chat.phase === 'talking')
    return justAnswered || shown === t('talking.answered') ? t('talking.answered') : '';
  return '';
}

/** Nothing else has the focus: moving it to the composer takes nothing from the writer. */
function idleFocus(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest('.chat__head, .chat__end');
}

function append(view: Elements, message: ChatMessage): void {
  const item = messageItem(
    message.from,
    message.text,
    `${t(`from.${message.from}`)} · ${timeOf(message.at)}`,
  );
  item.dataset.id = message.id;
  view.stored.set(message.id, item);
  // Stored messages come before those still on their way.
  const firstPending = view.pending.values().next().value ?? null;
  view.log.insertBefore(item, firstPending);
}

function messageItem(from: ChatMessage['from'], text: string, meta: string): HTMLElement {
  return h(
    'li',
    { class: `message message--${from}`, 'data-from': from },
    h('p', { class: 'message__meta' }, meta),
    h('p', { class: 'message__text' }, text),
  );
}

function timeOf(at: string): string {
  const instant = Date.parse(at);
  return Number.isNaN(instant) ? '' : localParts(instant, state.hotline?.timeZone ?? null).time;
}

/** Messages on their way, or refused: each says so, with "send again" and "remove". */
function drawPending(view: Elements, outgoing: Outgoing[]): void {
  const wanted = new Set(outgoing.map((one) => one.localId));
  for (const [localId, item] of view.pending)
    if (!wanted.has(localId)) {
      item.remove();
      view.pending.delete(localId);
    }
  for (const one of outgoing) {
    const meta =
      one.status === 'sending'
        ? `${t('from.writer')} · ${t('send.sending')}`
        : t(`send.${one.problem ?? 'no_answer'}`, { max: CHAT_MESSAGE_MAX_LENGTH });
    const item = messageItem('writer', one.text, meta);
    item.classList.add(`message--${one.status}`);
    item.dataset.local = one.localId;
    if (one.status === 'failed') item.append(pendingActions(one));
    const shown = view.pending.get(one.localId);
    if (shown) shown.replaceWith(item);
    else view.log.append(item);
    view.pending.set(one.localId, item);
  }
}

function pendingActions(one: Outgoing): HTMLElement {
  const again = one.problem !== 'ended' && one.problem !== 'too_long';
  return h(
    'p',
    { class: 'message__actions' },
    again
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button--small',
            onclick: () => void state.link?.send(one.text, one.localId),
          },
          t('send.retry'),
        )
      : null,
    h(
      'button',
      {
        type: 'button',
        class: 'button button--small button--quiet',
        onclick: () => receive({ type: 'discard', localId: one.localId }),
      },
      t('send.discard'),
    ),
  );
}

/** "End the chat", asked again in place before it is done. */
function drawEnd(view: Elements, over: boolean): void {
  view.end.hidden = over;
  if (view.askingEnd === state.askingEnd) return;
  const wasAsking = view.askingEnd === true;
  view.askingEnd = state.askingEnd;
  if (!state.askingEnd) {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'button button--quiet',
        id: 'end-chat',
        'data-action': 'end',
        onclick: () => update({ askingEnd: true }),
      },
      t('end.button'),
    );
    view.end.replaceChildren(button);
    if (wasAsking) button.focus();
    return;
  }
  const keep = h(
    'button',
    { type: 'button', class: 'button', onclick: () => update({ askingEnd: false }) },
    t('end.no'),
  );
  view.end.replaceChildren(
    h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'end-question' },
      h('p', { id: 'end-question' }, t('end.question')),
      h(
        'button',
        {
          type: 'button',
          class: 'button button--danger',
          'data-action': 'end-confirm',
          onclick: () => void endChat(),
        },
        t('end.yes'),
      ),
      keep,
    ),
  );
  keep.focus();
}

/** The writer ends it: the server is told, and the chat ends here even if it does not answer. */
async function endChat(): Promise<void> {
  const link = state.link;
  state.askingEnd = false;
  typingSignal.stop();
  // Told or not, the chat is over for the writer; a server not told ends it when it hears nothing.
  if (link) await link.end();
  if (state.chat?.phase !== 'ended') receive({ type: 'ended', reason: 'writer' });
}

function startAgain(): void {
  state.link?.close();
  typingSignal.stop();
  elements = null;
  update({ chat: null, link: null, intake: emptyIntake(), problems: [], notice: null });
  go({ name: 'start' });
}
