/**
 * When no chat can start: outside opening hours (the hours and the next opening in the
 * hotline's zone), every counsellor busy with the queue full, or this device blocked. Each shows
 * the emergency numbers large; the first two take a message for the hotline's call-back and
 * message list, the last says that "I am in danger now" is still answered.
 */
import { CHAT_MESSAGE_MAX_LENGTH, type ChatClosed } from '@hotline/chat-protocol';
import { h } from '../../booking-page/src/dom';
import { callLink } from '../../booking-page/src/call-link';
import { EMERGENCY_NUMBERS } from '../../booking-page/src/emergency';
import { charactersIn, checkText } from './conversation';
import { hoursLines, openingText } from './hours';
import { fallbackTopic } from './intake';
import {
  api,
  device,
  emergencyText,
  go,
  heading,
  noticeOf,
  sentenceOf,
  state,
  t,
  update,
} from './page';
import { whoAndWhat } from './start';

export function closedView(closed: ChatClosed, ask: boolean): HTMLElement {
  const zone = state.hotline?.timeZone ?? null;
  const lines = hoursLines(closed.hours, state.locale);
  const next = closed.nextOpening
    ? openingText(closed.nextOpening, Date.now(), zone, state.locale)
    : '';
  return h(
    'section',
    { class: 'closed' },
    heading(t('closed.heading')),
    callNow(closed.emergency),
    lines.length > 0
      ? h(
          'section',
          { class: 'hours', 'aria-labelledby': 'hours-heading' },
          h('h2', { id: 'hours-heading' }, t('closed.hours')),
          h(
            'dl',
            { class: 'summary hours__list' },
            lines.map((line) => [h('dt', {}, line.days), h('dd', {}, line.times)]).flat(),
          ),
          next ? h('p', { class: 'hours__next' }, t('closed.next', { when: next })) : null,
        )
      : null,
    messageForm(false, ask),
  );
}

export function busyView(emergency: string | null): HTMLElement {
  return h(
    'section',
    { class: 'closed' },
    heading(t('busy.heading')),
    h('p', {}, t('busy.text')),
    callNow(emergency),
    messageForm(true, false),
  );
}

export function blockedView(emergency: string | null): HTMLElement {
  return h(
    'section',
    { class: 'closed' },
    heading(t('blocked.heading')),
    callNow(emergency),
    h('p', {}, t('blocked.danger')),
    backButton(),
  );
}

/** "In danger? Call now": the hotline's own words when they are in the page's language. */
function callNow(emergency: string | null | undefined): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'closed__danger', id: 'closed-danger' },
      emergencyText(emergency) ?? t('closed.danger'),
    ),
    h(
      'ul',
      { class: 'closed__calls', role: 'list', 'aria-labelledby': 'closed-danger' },
      EMERGENCY_NUMBERS.map(({ number, what }) =>
        h('li', {}, callLink(number, t(what), t('closed.callNow'))),
      ),
    ),
  ];
}

function backButton(): HTMLElement {
  return h(
    'button',
    { type: 'button', class: 'button button--quiet', onclick: () => go({ name: 'start' }) },
    t('closed.back'),
  );
}

/**
 * The message form, or once sent, the thanks; `back` to the questions, to try again later;
 * `ask` who is writing and what about, when the questions were not shown before.
 */
function messageForm(back: boolean, ask: boolean): HTMLElement {
  if (state.messageLeft)
    return h(
      'section',
      { class: 'leave-message', 'aria-labelledby': 'message-heading' },
      h('h2', { id: 'message-heading' }, t('message.heading')),
      h('p', { class: 'notice notice--ok', role: 'status' }, t('message.sent')),
      h(
        'button',
        {
          type: 'button',
          class: 'button button--quiet',
          onclick: () => update({ messageLeft: false, leftMessage: '' }),
        },
        t('message.again'),
      ),
    );
  const count = charactersIn(state.leftMessage.trim());
  return h(
    'form',
    {
      class: 'leave-message',
      novalidate: true,
      'aria-labelledby': 'message-heading',
      onsubmit: (event: Event) => void leave(event),
    },
    h('h2', { id: 'message-heading' }, t('message.heading')),
    h('p', { class: 'hint', id: 'message-hint' }, t('message.hint')),
    ask ? whoAndWhat() : null,
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'message-text' }, t('message.label')),
      h('textarea', {
        id: 'message-text',
        rows: 5,
        value: state.leftMessage,
        'aria-describedby': 'message-hint message-counter',
        // Kept as typed without a redraw: a redraw per key would move the caret.
        oninput: (event: Event) => {
          state.leftMessage = (event.target as HTMLTextAreaElement).value;
          const counter = document.getElementById('message-counter');
          if (counter) counter.textContent = counterText(state.leftMessage);
        },
      }),
      h(
        'p',
        {
          class: count > CHAT_MESSAGE_MAX_LENGTH ? 'counter counter--over' : 'counter',
          id: 'message-counter',
        },
        counterText(state.leftMessage),
      ),
    ),
    noticeOf(),
    h(
      'button',
      { type: 'submit', class: 'button', disabled: state.busy, 'data-action': 'leave-message' },
      state.busy ? t('working') : t('message.send'),
    ),
    back ? backButton() : null,
  );
}

const counterText = (text: string) =>
  t('message.counter', { count: charactersIn(text.trim()), max: CHAT_MESSAGE_MAX_LENGTH });

async function leave(event: Event): Promise<void> {
  event.preventDefault();
  if (state.busy) return;
  const checked = checkText(state.leftMessage, CHAT_MESSAGE_MAX_LENGTH);
  if (!checked.ok) {
    update({
      notice:
        checked.problem === 'empty'
          ? t('message.empty')
          : t('message.tooLong', { max: CHAT_MESSAGE_MAX_LENGTH }),
    });
    document.getElementById('message-text')?.focus();
    return;
  }
  const { callerType, topic } = state.intake;
  update({ busy: true, notice: null });
  const answer = await api.leaveMessage({
    // Not answered: as the phone menu takes no key.
    callerType: callerType ?? 'other',
    topic: topic ?? fallbackTopic((state.hotline?.topics ?? []).map((one) => one.key)),
    language: state.locale,
    text: checked.text,
    deviceId: device(),
    hotlineId: state.hotline?.hotlineId,
  });
  update(
    answer.ok
      ? { busy: false, messageLeft: true, leftMessage: '' }
      : { busy: false, notice: sentenceOf(answer) },
  );
}
