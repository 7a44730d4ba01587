import {
  CHAT_MESSAGE_MAX_LENGTH,
  type ChatError,
  type ChatMessage,
  type LiveChat,
  TypingSignal,
} from '@hotline/chat-protocol';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Colleague } from '../console-store';
import { useHotlineZone } from '../hotline-zone';
import { callerTypeKey, useI18n } from '../i18n';
import { isVolunteerOf } from '../live-chats';
import { formatDuration, secondsSince, useNow } from '../time';
import { ColleagueOptions } from './LiveCallPanel';

/** What the panel asks of the store for one chat. */
export interface ChatActions {
  send: (text: string) => Promise<{ ok: true } | { ok: false; error: ChatError | null }>;
  typing: (typing: boolean) => void;
  end: () => void;
  transfer: (to: { volunteerId: string } | 'queue') => void;
  /** Those the chat can be passed to now, as the server sees them (none when it cannot say). */
  colleagues: () => Promise<Colleague[]>;
  crisis: () => void;
  /** A supervisor leaves a chat they joined. */
  leave: () => void;
  /** The chat is over and nothing more is due from this panel: it goes. */
  close: () => void;
}

/**
 * One chat I hold, as the volunteer who took it or a supervisor who joined: who is writing about
 * what, the conversation (new messages read out as they come), the writer typing, a reply with
 * the hotline's canned replies, and the levers: end, transfer to a colleague or back to the
 * queue, "crisis now". Once over, the transcript stays beside the wrap-up form.
 */
export function ChatPanel({
  chat,
  meId,
  busy,
  serverNow,
  actions,
}: {
  chat: LiveChat;
  meId: string;
  busy: boolean;
  serverNow: (now: number) => number;
  actions: ChatActions;
}) {
  const { t, topic } = useI18n();
  const id = useId();
  const now = serverNow(useNow());
  const mine = isVolunteerOf(chat, meId);
  const over = chat.phase === 'ended';
  const crisisOpen = chat.crisisCaseId !== null;
  const heading = `${id}heading`;

  return (
    <section
      className={`card chat-panel${chat.priority === 'crisis' ? ' chat-panel--crisis' : ''}`}
      aria-labelledby={heading}
      data-chat={chat.chatId}
      data-phase={chat.phase}
    >
      <h2 id={heading}>
        {t(over ? 'chat.endedHeading' : 'chat.heading')}
        {chat.priority === 'crisis' && (
          <span className="badge badge--crisis">{t('priority.crisis')}</span>
        )}
      </h2>
      {/* Ticks every second: not something to announce every second. */}
      {!over && (
        <p className="live-call__timer" aria-live="off">
          {t('chat.timer', { time: formatDuration(secondsSince(chat.answeredAt, now)) })}
        </p>
      )}
      <dl className="live-call__details">
        <dt>{t('chat.writer')}</dt>
        <dd data-field="callerType">{t(callerTypeKey(chat.callerType))}</dd>
        <dt>{t('live.topic')}</dt>
        <dd data-field="topic">{topic(chat.topic)}</dd>
        <dt>{t('chat.language')}</dt>
        <dd data-field="language">{t(`chat.language.${chat.language}`)}</dd>
        {chat.participants.length > 1 && (
          <>
            <dt>{t('chat.people')}</dt>
            <dd data-field="participants">
              {chat.participants
                .map((person) =>
                  t(person.role === 'supervisor' ? 'chat.supervisor' : 'chat.volunteer', {
                    name:
                      person.volunteerId === meId
                        ? t('live.you', { name: person.name })
                        : person.name,
                  }),
                )
                .join(' · ')}
            </dd>
          </>
        )}
      </dl>

      <ChatLog messages={chat.messages} label={t('chat.log')} />
      <p className="chat-panel__typing" aria-live="polite">
        {chat.writerTyping && !over ? t('chat.typing') : ''}
      </p>

      {over ? (
        <div className="chat-panel__over">
          <p role="status" data-end-reason={chat.endReason ?? ''}>
            {t(`chat.ended.${chat.endReason ?? 'volunteer'}`)}
          </p>
          <button type="button" className="button button--small" onClick={actions.close}>
            {t('chat.close')}
          </button>
        </div>
      ) : (
        <>
          <Reply
            chatId={chat.chatId}
            cannedReplies={chat.cannedReplies ?? []}
            send={actions.send}
            typing={actions.typing}
          />
          {mine ? (
            <ChatControls busy={busy} actions={actions} />
          ) : (
            <button
              type="button"
              className="button button--small"
              data-control="leave-chat"
              disabled={busy}
              onClick={actions.leave}
            >
              {t('chat.leave')}
            </button>
          )}
          {mine && (
            <div className="live-call__crisis">
              <button
                type="button"
                className="button button--alarm"
                data-control="chat-crisis"
                disabled={busy || crisisOpen}
                aria-describedby={`${id}crisis-hint`}
                onClick={actions.crisis}
              >
                {t('live.crisisNow')}
              </button>
              <p id={`${id}crisis-hint`} className="hint" role={crisisOpen ? 'status' : undefined}>
                {t(crisisOpen ? 'chat.crisisOpened' : 'chat.crisisHint')}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The conversation: a log, so each new message is read out once as it comes. */
function ChatLog({ messages, label }: { messages: ChatMessage[]; label: string }) {
  const { t, locale } = useI18n();
  const timeZone = useHotlineZone();
  const list = useRef<HTMLOListElement>(null);
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
    [locale, timeZone],
  );
  // Follow the conversation, unless the volunteer scrolled back to read.
  const count = messages.length;
  const following = useRef(true);
  useEffect(() => {
    const element = list.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  return (
    <ol
      ref={list}
      className="chat-log"
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 60;
      }}
    >
      {messages.length === 0 && <li className="hint">{t('chat.noMessages')}</li>}
      {messages.map((message) => (
        <li
          key={message.id}
          className={`chat-log__message chat-log__message--${message.from}`}
          data-from={message.from}
        >
          <span className="chat-log__meta">
            {t(`chat.from.${message.from}`)} · {time.format(new Date(message.at))}
          </span>
          <span className="chat-log__text">{message.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** The reply: typed or taken from a canned reply, sent with Enter, kept until stored. */
function Reply({
  chatId,
  cannedReplies,
  send,
  typing,
}: {
  chatId: string;
  cannedReplies: string[];
  send: ChatActions['send'];
  typing: ChatActions['typing'];
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // One signal per chat, reporting through the latest `typing`.
  const report = useRef(typing);
  report.current = typing;
  const signal = useMemo(() => new TypingSignal((on) => report.current(on)), [chatId]);
  useEffect(() => () => signal.stop(), [signal]);

  const change = (value: string) => {
    setText(value);
    setFailure(null);
    signal.input(value.trim() === '');
  };

  async function submit() {
    const trimmed = text.trim();
    if (!trimmed || sending) return;
    if ([...trimmed].length > CHAT_MESSAGE_MAX_LENGTH) {
      setFailure(t('chat.error.too_long', { max: CHAT_MESSAGE_MAX_LENGTH }));
      return;
    }
    setSending(true);
    signal.stop();
    const result = await send(trimmed);
    setSending(false);
    if (result.ok) {
      setText('');
      field.current?.focus();
    } else
      setFailure(
        result.error === null
          ? t('chat.error.noAnswer')
          : t(`chat.error.${result.error}`, { max: CHAT_MESSAGE_MAX_LENGTH }),
      );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter is a new line; never while an input method is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form
      className="chat-reply"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {cannedReplies.length > 0 && (
        <div className="chat-reply__canned">
          <label htmlFor={`${id}canned`}>{t('chat.canned')}</label>
          <select
            id={`${id}canned`}
            value=""
            onChange={(event) => {
              const chosen = event.target.value;
              if (!chosen) return;
              // Into the reply, to be read over and sent: never sent on a slip of the mouse.
              change(text.trim() ? `${text.trimEnd()} ${chosen}` : chosen);
              field.current?.focus();
            }}
          >
            <option value="">{t('chat.cannedChoose')}</option>
            {cannedReplies.map((reply, index) => (
              <option key={index} value={reply}>
                {reply.length > 60 ? `${reply.slice(0, 57)}…` : reply}
              </option>
            ))}
          </select>
        </div>
      )}
      <label htmlFor={`${id}text`}>{t('chat.reply')}</label>
      <div className="chat-reply__row">
        <textarea
          ref={field}
          id={`${id}text`}
          rows={3}
          value={text}
          aria-describedby={`${id}hint ${id}problem`}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button
          type="submit"
          className="button button--primary"
          data-control="send"
          disabled={sending || !text.trim()}
        >
          {sending ? t('chat.sending') : t('chat.send')}
        </button>
      </div>
      <p id={`${id}hint`} className="hint">
        {t('chat.replyHint')}
      </p>
      <p id={`${id}problem`} className="problem" role="alert">
        {failure ?? ''}
      </p>
    </form>
  );
}

/** End (asked again in place), and transfer to an available colleague or back to the queue. */
function ChatControls({ busy, actions }: { busy: boolean; actions: ChatActions }) {
  const { t } = useI18n();
  const id = useId();
  const [asking, setAsking] = useState(false);
  // Asked when the panel opens and again whenever the list is opened: who is free changes.
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const askColleagues = () => void actions.colleagues().then(setColleagues);
  useEffect(askColleagues, []);
  const [chosen, setTarget] = useState('');
  // One who is no longer free is no longer a choice.
  const target = chosen === 'queue' || colleagues?.some((one) => one.id === chosen) ? chosen : '';
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);

  return (
    <div className="live-call__controls" role="group" aria-label={t('chat.controls')}>
      {asking ? (
        <div className="chat-panel__confirm" role="group" aria-labelledby={`${id}end-question`}>
          <p id={`${id}end-question`}>{t('chat.endQuestion')}</p>
          <button
            type="button"
            className="button button--alarm"
            data-control="end-chat-confirm"
            disabled={busy}
            onClick={() => {
              setAsking(false);
              actions.end();
            }}
          >
            {t('chat.endYes')}
          </button>
          <button ref={keep} type="button" className="button" onClick={() => setAsking(false)}>
            {t('chat.endNo')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          data-control="end-chat"
          disabled={busy}
          onClick={() => setAsking(true)}
        >
          {t('chat.end')}
        </button>
      )}
      <label htmlFor={`${id}transfer`}>{t('chat.transferTo')}</label>
      <select
        id={`${id}transfer`}
        value={target}
        aria-describedby={`${id}transfer-hint`}
        onFocus={askColleagues}
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">{t('chat.transferChoose')}</option>
        <option value="queue">{t('chat.transferQueue')}</option>
        <ColleagueOptions colleagues={colleagues} />
      </select>
      <button
        type="button"
        className="button"
        data-control="transfer-chat"
        disabled={busy || !target}
        onClick={() => actions.transfer(target === 'queue' ? 'queue' : { volunteerId: target })}
      >
        {t('chat.transfer')}
      </button>
      <p id={`${id}transfer-hint`} className="hint">
        {colleagues?.length === 0 ? t('chat.transferNobody') : t('chat.transferHint')}
      </p>
    </div>
  );
}
