/**
 * What the steps of the booking page share: the one state object, redrawing the current step
 * (a new step moves the focus to its heading, so a screen reader says where the parent is), the
 * texts in the parent's language, the contract client, the bits of DOM every step uses, and the
 * footer with the emergency numbers that every page carries.
 */
import { type Answer, BookingApi } from './api';
import { h } from './dom';
import { callLink } from './call-link';
import { EMERGENCY_NUMBERS } from './emergency';
import { type Draft, type FieldProblems, emptyDraft } from './forms';
import { chooseLocale, translator } from '@hotline/i18n';
import { LOCALES, type Locale, TEXTS, type Translate } from './i18n';
import { type DayOfSlots, formatDay } from './slots';
import type { BookingOptions, Booked, ManagedBooking, Slot, WaitlistOffer } from './views';

const LOCALE_KEY = 'hotline.booking.locale';

export type View =
  | { name: 'loading' }
  | { name: 'failed'; message: string; retry: () => void }
  | { name: 'topic' }
  | { name: 'crisis' }
  | { name: 'time' }
  | { name: 'details' }
  | { name: 'confirm' }
  | { name: 'taken'; alternatives: Slot[] }
  | { name: 'done'; booked: Booked; rescheduled: boolean }
  | { name: 'manage' }
  | { name: 'cancelled' }
  | { name: 'invalid'; offer: boolean }
  | { name: 'offer'; offer: WaitlistOffer }
  | { name: 'waitlist'; date: string }
  | { name: 'waitlisted'; date: string; position: number };

export interface State {
  locale: Locale;
  options: BookingOptions | null;
  view: View;
  topic: string | null;
  slot: Slot | null;
  draft: Draft;
  problems: FieldProblems;
  /** A sentence above the form or the buttons: what went wrong that is about no one field. */
  notice: string | null;
  busy: boolean;
  /** Free times of the chosen topic; null while loading. */
  days: DayOfSlots[] | null;
  range: { from: string; to: string } | null;
  slotsFailed: string | null;
  /** Booking a new session, or moving the one of the manage link. */
  mode: 'new' | 'reschedule';
  manageToken: string | null;
  managed: ManagedBooking | null;
  askingCancel: boolean;
  offerToken: string | null;
}

export const api = new BookingApi((input, init) => fetch(input, init));
const query = new URLSearchParams(location.search);
let saved: string | null = null;
try {
  saved = localStorage.getItem(LOCALE_KEY);
} catch {
  // Storage refused (private mode): the browser's languages decide.
}

export const state: State = {
  // One the parent picked before, else Chinese when the browser prefers it over English (or
  // prefers neither), else English.
  locale: chooseLocale(LOCALES, saved, navigator.languages ?? [navigator.language], 'zh-CN'),
  options: null,
  view: { name: 'loading' },
  topic: null,
  slot: null,
  draft: emptyDraft(),
  problems: {},
  notice: null,
  busy: false,
  days: null,
  range: null,
  slotsFailed: null,
  mode: 'new',
  manageToken: query.get('manage'),
  managed: null,
  askingCancel: false,
  offerToken: query.get('offer'),
};

/** Both dictionaries are complete; Chinese, the hotline's language, would fill a gap. */
const textsIn = (locale: Locale): Translate => translator(TEXTS, locale, 'zh-CN');
let translate = textsIn(state.locale);
/** A text of the page in the parent's language (the one chosen when the page was last drawn). */
export const t: Translate = (key, values) => translate(key, values);
/** How each view is drawn: set by `main.ts`, since the steps themselves move on with `go`. */
let draw: (view: View) => HTMLElement;
const app = document.getElementById('app') as HTMLElement;
const languageButton = document.getElementById('language') as HTMLButtonElement;
const hotlineName = document.getElementById('hotline-name') as HTMLElement;
const emergencyFooter = document.getElementById('emergency') as HTMLElement | null;
/** The language and hotline number the footer was drawn with: it is redrawn only when they change. */
let footerDrawn: string | null = null;
let shownView: View | null = null;

export function drawViewsWith(drawer: (view: View) => HTMLElement): void {
  draw = drawer;
}

/** Moves to another step (the focus follows), or redraws this one. */
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
  document.documentElement.lang = state.locale;
  document.title = state.options
    ? `${t('page.title')} · ${state.options.hotlineName}`
    : t('page.title');
  hotlineName.textContent = state.options?.hotlineName ?? '';
  languageButton.hidden = false;
  languageButton.textContent = t('language.switch');
  languageButton.setAttribute('aria-label', t('language.switchLabel'));
  languageButton.lang = state.locale === 'en' ? 'zh-CN' : 'en';
  drawFooter();

  const focusField = app.querySelector<HTMLElement>(':focus')?.id;
  const newStep = shownView !== state.view;
  app.replaceChildren(draw(state.view));
  app.dataset.view = state.view.name;
  if (newStep && shownView !== null) {
    app.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo(0, 0);
  } else if (focusField) document.getElementById(focusField)?.focus();
  shownView = state.view;
}

languageButton.addEventListener('click', () => {
  state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(LOCALE_KEY, state.locale);
  } catch {
    // Not kept: the page still switches.
  }
  render();
});

/**
 * The footer of every page: 110, 120, 12356 and, once the options tell it, the hotline's own
 * number, as `tel:` links. `index.html` has it in both languages, for a page whose script never
 * arrives; this puts it in the parent's language.
 */
function drawFooter(): void {
  if (!emergencyFooter) return;
  const phone = state.options?.hotlinePhone ?? null;
  const drawn = `${state.locale} ${phone ?? ''}`;
  if (drawn === footerDrawn) return;
  footerDrawn = drawn;
  const numbers = EMERGENCY_NUMBERS.map(({ number, what }) => callLink(number, t(what)));
  if (phone) numbers.push(callLink(phone, t('emergency.hotline')));
  emergencyFooter.replaceChildren(
    h('h2', { class: 'emergency__heading', id: 'emergency-heading' }, t('emergency.heading')),
    h(
      'ul',
      { class: 'emergency__numbers', role: 'list', 'aria-labelledby': 'emergency-heading' },
      numbers.map((link) => (link ? h('li', {}, link) : null)),
    ),
  );
}

export const label = (labels: Record<Locale, string> | undefined, key: string) =>
  labels?.[state.locale] ?? key;
export const topicLabel = (key: string | null) =>
  key ? label(state.options?.topics.find((topic) => topic.key === key)?.label, key) : '';
export const zone = () => state.options?.timeZone ?? 'UTC';
export const whenOf = (slot: { localDate: string; localTime: string }) =>
  t('when', { day: formatDay(slot.localDate, state.locale), time: slot.localTime });

export function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, text);
}

export function stepOf(n: number): HTMLElement {
  return h('p', { class: 'step' }, t('step', { n }));
}

export function backButton(onClick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'button button--quiet', onclick: onClick },
    t('back'),
  );
}

export function noticeOf(): HTMLElement | null {
  return state.notice ? h('p', { class: 'notice', role: 'alert' }, state.notice) : null;
}

/** What a failed answer means for a parent, when it is not about a field. */
export function sentenceOf(answer: Extract<Answer<unknown>, { ok: false }>): string {
  if (answer.status === null) return t('error.unreachable');
  if (answer.status === 429) return t('error.throttled');
  if (answer.status >= 500 || !answer.message) return t('error.server');
  return answer.message;
}

export function summaryRow(term: string, value: string, key: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', { 'data-summary': key }, value)];
}

/** The booking reference, large: what the parent quotes on the phone. */
export function referenceOf(reference: string): HTMLElement {
  return h(
    'div',
    { class: 'reference' },
    h('p', { class: 'reference__label', id: 'reference-label' }, t('done.reference')),
    h(
      'p',
      { class: 'reference__value', 'aria-labelledby': 'reference-label', 'data-reference': '' },
      reference,
    ),
  );
}
