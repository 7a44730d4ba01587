/**
 * What the views of the chat page share: the one state object, redrawing the current view (a
 * new view moves the focus to its heading, so a screen reader says where the writer is), the
 * texts in the writer's language, the contract client, the header's language button and quick
 * exit, and the emergency numbers that stay on screen whatever the view.
 */
import type { ChatClosed, ChatHotline } from '@hotline/chat-protocol';
import { chooseLocale, translator } from '@hotline/i18n';
import { h } from '../../booking-page/src/dom';
import { callLink } from '../../booking-page/src/call-link';
import { EMERGENCY_NUMBERS } from '../../booking-page/src/emergency';
import { type Answer, ChatApi } from './api';
import { type Conversation } from './conversation';
import { LOCALES, type Locale, TEXTS, type Translate } from './i18n';
import { type Intake, type IntakeProblem, emptyIntake } from './intake';
import type { ChatLink } from './link';
import { deviceId, deviceStorage } from './device';
import { clearTab, tabStorage } from './resume';

/** Kept for the tab only, like the chat: nothing of the visit stays on the device. */
const LOCALE_KEY = 'hotline.chat.locale';

/**
 * Where quick exit goes: a weather site, as plain a page as a phone shows, opened in place of
 * this one (the chat is then not one Back away).
 */
export const NEUTRAL_SITE = 'https://www.weather.com.cn/';

export type View =
  | { name: 'loading' }
  | { name: 'failed'; message: string; retry: () => void }
  | { name: 'start' }
  /** `ask`: who and what about are asked with the message (the hotline was closed on arrival). */
  | { name: 'closed'; closed: ChatClosed; ask: boolean }
  /** Every counsellor busy and the queue full: a message instead. */
  | { name: 'busy'; emergency: string | null }
  /** This device was blocked: the emergency numbers, and "in danger" still opens a chat. */
  | { name: 'blocked'; emergency: string | null }
  | { name: 'chat' };

export interface State {
  locale: Locale;
  hotline: ChatHotline | null;
  view: View;
  intake: Intake;
  problems: IntakeProblem[];
  /** A sentence above the form: what went wrong that is about no one question. */
  notice: string | null;
  busy: boolean;
  /** The message left outside opening hours: as typed, then sent. */
  leftMessage: string;
  messageLeft: boolean;
  chat: Conversation | null;
  link: ChatLink | null;
  /** The writer pressed "end the chat" and is asked to confirm. */
  askingEnd: boolean;
}

export const api = new ChatApi((input, init) => fetch(input, init));
export const storage = tabStorage();

let saved: string | null = null;
try {
  saved = storage?.getItem(LOCALE_KEY) ?? null;
} catch {
  // Storage refused: the browser's languages decide.
}

export const state: State = {
  // One the writer picked in this tab, else Chinese when the browser prefers it over English
  // (or prefers neither), else English.
  locale: chooseLocale(LOCALES, saved, navigator.languages ?? [navigator.language], 'zh-CN'),
  hotline: null,
  view: { name: 'loading' },
  intake: emptyIntake(),
  problems: [],
  notice: null,
  busy: false,
  leftMessage: '',
  messageLeft: false,
  chat: null,
  link: null,
  askingEnd: false,
};

const textsIn = (locale: Locale): Translate => translator(TEXTS, locale, 'zh-CN');
let translate = textsIn(state.locale);
/** A text of the page in the writer's language. */
export const t: Translate = (key, values) => translate(key, values);

/** How each view is drawn, set by `main.ts`; the chat view patches itself in place instead. */
let draw: (view: View, fresh: boolean) => HTMLElement | null;
const app = document.getElementById('app') as HTMLElement;
const languageButton = document.getElementById('language') as HTMLButtonElement;
const hotlineName = document.getElementById('hotline-name') as HTMLElement;
const exitLink = document.getElementById('quick-exit') as HTMLAnchorElement;
const emergency = document.getElementById('emergency') as HTMLElement;
let shownView: View | null = null;
let shownLocale: Locale | null = null;
let emergencyDrawn: string | null = null;

export function drawViewsWith(drawer: (view: View, fresh: boolean) => HTMLElement | null): void {
  draw = drawer;
}

/** Moves to another view (the focus follows), or redraws this one. */
export function go(view: View): void {
  state.view = view;
  render();
}

export function update(changes: Partial<State>): void {
  Object.assign(state, changes);
  render();
}

function render(): void {
  translate = textsIn(state.locale);
  const newLocale = shownLocale !== state.locale;
  shownLocale = state.locale;
  document.documentElement.lang = state.locale;
  document.title = state.hotline ? `${t('page.title')} · ${state.hotline.name}` : t('page.title');
  hotlineName.textContent = state.hotline?.name ?? '';
  languageButton.hidden = false;
  languageButton.textContent = t('language.switch');
  languageButton.setAttribute('aria-label', t('language.switchLabel'));
  languageButton.lang = state.locale === 'en' ? 'zh-CN' : 'en';
  exitLink.textContent = t('exit.button');
  exitLink.setAttribute('aria-label', t('exit.label'));
  drawEmergency();

  const newView = shownView !== state.view;
  // The chat view keeps its elements (the log, what is being typed) and changes them in place;
  // it is drawn anew only when it is first shown or the language changes.
  const fresh = newView || newLocale || state.view.name !== 'chat';
  const focused = app.querySelector<HTMLElement>(':focus')?.id;
  const drawn = draw(state.view, fresh);
  if (drawn) app.replaceChildren(drawn);
  app.dataset.view = state.view.name;
  // The first view leaves the focus at the top of the page, where quick exit is first.
  if (newView && shownView !== null && shownView.name !== 'loading') {
    app.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo(0, 0);
  } else if (drawn && focused) document.getElementById(focused)?.focus();
  shownView = state.view;
}

languageButton.addEventListener('click', () => {
  state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
  try {
    storage?.setItem(LOCALE_KEY, state.locale);
  } catch {
    // Not kept: the page still switches.
  }
  render();
});

/**
 * Quick exit: the page goes blank at once, the chat is ended (best effort, nothing waited for),
 * the tab forgets it, and a weather site takes this page's place in the history.
 */
export function quickExit(): void {
  document.body.replaceChildren();
  document.title = '';
  state.link?.endNow();
  clearTab(storage);
  location.replace(NEUTRAL_SITE);
}

exitLink.addEventListener('click', (event) => {
  event.preventDefault();
  quickExit();
});
document.addEventListener('keydown', (event) => {
  // Not while an input method composes: there Esc takes back the characters being chosen.
  if (event.key === 'Escape' && !event.repeat && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    quickExit();
  }
});

/**
 * The numbers under the header, on every view: 110, 120, 12356, and the hotline's crisis line
 * when it is another. `index.html` has them in both languages for a page whose script never
 * comes.
 */
function drawEmergency(): void {
  const line = state.hotline?.crisisLine ?? '';
  const extra = line && !EMERGENCY_NUMBERS.some(({ number }) => number === line) ? line : null;
  const drawn = `${state.locale} ${extra ?? ''}`;
  if (drawn === emergencyDrawn) return;
  emergencyDrawn = drawn;
  const numbers = EMERGENCY_NUMBERS.map(({ number, what }) => callLink(number, t(what)));
  if (extra) numbers.push(callLink(extra, t('emergency.crisisLine')));
  emergency.setAttribute('aria-label', t('emergency.heading'));
  emergency.replaceChildren(
    h('p', { class: 'emergency__heading', id: 'emergency-heading' }, t('emergency.heading')),
    h(
      'ul',
      { class: 'emergency__numbers', role: 'list', 'aria-labelledby': 'emergency-heading' },
      numbers.map((link) => (link ? h('li', {}, link) : null)),
    ),
  );
}

export function heading(text: string, id?: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, id }, text);
}

export function noticeOf(): HTMLElement | null {
  return state.notice ? h('p', { class: 'notice', role: 'alert' }, state.notice) : null;
}

/** The writer's device id, for the server's blocking of abuse (see `device.ts`); made when first sent. */
export const device = (): string | undefined => deviceId(deviceStorage());

/** The hotline's own emergency text, when it is in the page's language (it is written in the hotline's). */
export function emergencyText(text: string | null | undefined): string | null {
  return text && state.hotline?.locale === state.locale ? text : null;
}

/** What a failed answer means for the writer. */
export function sentenceOf(answer: Extract<Answer<unknown>, { ok: false }>): string {
  if (answer.status === null) return t('error.unreachable');
  if (answer.status === 429) return t('error.throttled');
  if (answer.status >= 500 || !answer.message) return t('error.server');
  return answer.message;
}

export const topicLabel = (key: string | null) => {
  const topic = state.hotline?.topics.find((one) => one.key === key);
  return topic?.label[state.locale] ?? key ?? '';
};
