/**
 * The parents' booking page: topic → day and free time → details → confirm → reference; the
 * manage view (`?manage=<token>`), a waitlist offer (`?offer=<token>`) and the waitlist of a
 * full day. One state object; each change redraws the current step, and a new step moves the
 * focus to its heading so a screen reader says where the parent is.
 */
import {
  type Answer,
  BookingApi,
  type BookingOptions,
  type Booked,
  type ManagedBooking,
  type WaitlistOffer,
} from './api';
import { h } from './dom';
import {
  DESCRIPTION_MAX,
  type Draft,
  type Field,
  FIELDS,
  type FieldProblems,
  PARENT_NAME_MAX,
  bookingBody,
  charCount,
  checkDraft,
  emptyDraft,
  hasProblems,
  problemsOf,
  waitlistBody,
} from './forms';
import { GRADE_LABELS, type Locale, type TextKey, chooseLocale, translator } from './i18n';
import {
  type DayOfSlots,
  type Slot,
  formatDay,
  formatInstant,
  fullDays,
  groupByDay,
  localDateIn,
  slotRange,
} from './slots';
import './booking.css';

const LOCALE_KEY = 'hotline.booking.locale';

type View =
  | { name: 'loading' }
  | { name: 'failed'; message: string; retry: () => void }
  | { name: 'topic' }
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

interface State {
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

const api = new BookingApi((input, init) => fetch(input, init));
const query = new URLSearchParams(location.search);
let saved: string | null = null;
try {
  saved = localStorage.getItem(LOCALE_KEY);
} catch {
  // Storage refused (private mode): the browser's languages decide.
}

const state: State = {
  locale: chooseLocale(saved, navigator.languages ?? [navigator.language]),
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

let t = translator(state.locale);
const app = document.getElementById('app') as HTMLElement;
const languageButton = document.getElementById('language') as HTMLButtonElement;
const hotlineName = document.getElementById('hotline-name') as HTMLElement;
let shownView: View | null = null;

/** Moves to another step (the focus follows), or redraws this one. */
function go(view: View): void {
  state.view = view;
  render();
}

function update(changes: Partial<State>): void {
  Object.assign(state, changes);
  render();
}

function render(): void {
  t = translator(state.locale);
  document.documentElement.lang = state.locale;
  document.title = state.options
    ? `${t('page.title')} · ${state.options.hotlineName}`
    : t('page.title');
  hotlineName.textContent = state.options?.hotlineName ?? '';
  languageButton.hidden = false;
  languageButton.textContent = t('language.switch');
  languageButton.setAttribute('aria-label', t('language.switchLabel'));
  languageButton.lang = state.locale === 'en' ? 'zh-CN' : 'en';

  const focusField = app.querySelector<HTMLElement>(':focus')?.id;
  const newStep = shownView !== state.view;
  app.replaceChildren(viewOf(state.view));
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

const label = (labels: Record<Locale, string> | undefined, key: string) =>
  labels?.[state.locale] ?? key;
const topicLabel = (key: string | null) =>
  key ? label(state.options?.topics.find((topic) => topic.key === key)?.label, key) : '';
const zone = () => state.options?.timeZone ?? 'UTC';
const whenOf = (slot: { localDate: string; localTime: string }) =>
  t('when', { day: formatDay(slot.localDate, state.locale), time: slot.localTime });

function heading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, text);
}

function stepOf(n: number): HTMLElement {
  return h('p', { class: 'step' }, t('step', { n }));
}

function backButton(onClick: () => void): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'button button--quiet', onclick: onClick },
    t('back'),
  );
}

function noticeOf(): HTMLElement | null {
  return state.notice ? h('p', { class: 'notice', role: 'alert' }, state.notice) : null;
}

/** What a failed answer means for a parent, when it is not about a field. */
function sentenceOf(answer: Extract<Answer<unknown>, { ok: false }>): string {
  if (answer.status === null) return t('error.unreachable');
  if (answer.status === 429) return t('error.throttled');
  if (answer.status >= 500 || !answer.message) return t('error.server');
  return answer.message;
}

function viewOf(view: View): HTMLElement {
  switch (view.name) {
    case 'loading':
      return h('div', { class: 'loading' }, t('loading'));
    case 'failed':
      return h(
        'section',
        {},
        h('p', { class: 'notice', role: 'alert' }, view.message),
        h('button', { type: 'button', class: 'button', onclick: view.retry }, t('retry')),
      );
    case 'topic':
      return topicView();
    case 'time':
      return timeView();
    case 'details':
      return detailsView();
    case 'confirm':
      return confirmView();
    case 'taken':
      return takenView(view.alternatives);
    case 'done':
      return doneView(view.booked, view.rescheduled);
    case 'manage':
      return manageView();
    case 'cancelled':
      return h(
        'section',
        {},
        heading(t('manage.cancelled')),
        h('a', { class: 'button', href: './' }, t('invalid.bookAgain')),
      );
    case 'invalid':
      return h(
        'section',
        {},
        heading(view.offer ? t('offer.expired') : t('invalid.heading')),
        view.offer ? null : h('p', {}, t('invalid.text')),
        h('a', { class: 'button', href: './' }, t('invalid.bookAgain')),
      );
    case 'offer':
      return offerView(view.offer);
    case 'waitlist':
      return waitlistView(view.date);
    case 'waitlisted':
      return h(
        'section',
        { class: 'done' },
        heading(t('waitlist.done', { position: view.position })),
        h('p', {}, formatDay(view.date, state.locale)),
        h('p', {}, t('waitlist.doneHint')),
      );
  }
}

// Step 1: the topic.
function topicView(): HTMLElement {
  const topics = state.options?.topics ?? [];
  return h(
    'section',
    {},
    stepOf(1),
    heading(t('topic.heading')),
    h('p', { class: 'intro' }, t('page.intro')),
    h('p', { class: 'hint' }, t('topic.hint')),
    h(
      'ul',
      { class: 'choices' },
      topics.map((topic) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'choice',
              'data-topic': topic.key,
              'aria-pressed': state.topic === topic.key ? 'true' : 'false',
              onclick: () => chooseTopic(topic.key),
            },
            label(topic.label, topic.key),
          ),
        ),
      ),
    ),
  );
}

function chooseTopic(topic: string): void {
  if (state.topic !== topic) state.slot = null;
  state.topic = topic;
  state.notice = null;
  go({ name: 'time' });
  void loadSlots();
}

async function loadSlots(): Promise<void> {
  const options = state.options;
  const topic = state.topic;
  if (!options || !topic) return;
  const today = options.today ?? localDateIn(Date.now(), options.timeZone);
  const range = slotRange(today, options.horizonDays);
  update({ days: null, range, slotsFailed: null });
  const answer = await api.slots(range.from, range.to, topic);
  if (state.topic !== topic) return; // the parent went back and chose another topic
  if (answer.ok) update({ days: groupByDay(answer.value.slots) });
  else update({ slotsFailed: sentenceOf(answer) });
}

// Step 2: the day and a free time.
function timeView(): HTMLElement {
  const options = state.options;
  const body: (HTMLElement | null)[] = [];
  if (state.slotsFailed)
    body.push(
      h('p', { class: 'notice', role: 'alert' }, state.slotsFailed),
      h('button', { type: 'button', class: 'button', onclick: () => void loadSlots() }, t('retry')),
    );
  else if (!state.days) body.push(h('p', { class: 'loading' }, t('loading')));
  else if (state.days.length === 0) body.push(h('p', { class: 'empty' }, t('time.none')));
  else
    body.push(
      ...state.days.map((day) =>
        h(
          'section',
          { class: 'day', 'data-date': day.date },
          h('h2', { id: `day-${day.date}` }, formatDay(day.date, state.locale)),
          h(
            'div',
            { class: 'times', role: 'group', 'aria-labelledby': `day-${day.date}` },
            day.slots.map((slot) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'time',
                  'data-start': slot.start,
                  'aria-label': t('time.slotLabel', {
                    day: formatDay(slot.localDate, state.locale),
                    time: slot.localTime,
                  }),
                  'aria-pressed': state.slot?.start === slot.start ? 'true' : 'false',
                  onclick: () => chooseSlot(slot),
                },
                slot.localTime,
              ),
            ),
          ),
        ),
      ),
    );
  const full =
    state.days && state.range && state.mode === 'new' ? fullDays(state.range, state.days) : [];
  if (full.length > 0)
    body.push(
      h(
        'details',
        { class: 'waitlist-days' },
        h('summary', {}, t('time.fullHeading')),
        h('p', { class: 'hint' }, t('time.fullHint')),
        h(
          'ul',
          { class: 'choices' },
          full.map((date) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'choice choice--small',
                  'data-waitlist-date': date,
                  onclick: () => {
                    state.problems = {};
                    state.notice = null;
                    go({ name: 'waitlist', date });
                  },
                },
                t('time.waitlistFor', { day: formatDay(date, state.locale) }),
              ),
            ),
          ),
        ),
      ),
    );
  return h(
    'section',
    {},
    stepOf(2),
    heading(t('time.heading')),
    h('p', { class: 'topic-chosen' }, topicLabel(state.topic)),
    h(
      'p',
      { class: 'hint' },
      t('time.zone', { zone: options?.timeZone ?? '' }),
      options ? ` ${t('time.session', { minutes: options.sessionMinutes })}` : '',
    ),
    ...body,
    backButton(() =>
      state.mode === 'reschedule' ? go({ name: 'manage' }) : go({ name: 'topic' }),
    ),
  );
}

function chooseSlot(slot: Slot): void {
  state.slot = slot;
  state.notice = null;
  go({ name: state.mode === 'reschedule' ? 'confirm' : 'details' });
}

/** One labelled control with its hint and its problem, tied together for assistive technology. */
function field(
  name: Field,
  labelText: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  extra: { hint?: string; after?: HTMLElement } = {},
): HTMLElement {
  const problem = state.problems[name];
  const described = [extra.hint ? `${name}-hint` : '', problem ? `${name}-problem` : '']
    .filter(Boolean)
    .join(' ');
  control.id = `field-${name}`;
  control.name = name;
  if (described) control.setAttribute('aria-describedby', described);
  if (problem) control.setAttribute('aria-invalid', 'true');
  return h(
    'div',
    { class: `field${problem ? ' field--problem' : ''}`, 'data-field': name },
    h('label', { for: control.id }, labelText),
    extra.hint ? h('p', { class: 'hint', id: `${name}-hint` }, extra.hint) : null,
    control,
    extra.after ?? null,
    problem
      ? h(
          'p',
          { class: 'problem', id: `${name}-problem` },
          'key' in problem ? t(problem.key, { max: DESCRIPTION_MAX }) : problem.message,
        )
      : null,
  );
}

/** Name, phone, the child's age or school year, and (for a booking) a few words and consent. */
function detailsFields(withDescription: boolean): HTMLElement[] {
  const draft = state.draft;
  const input = (name: 'parentName' | 'phone', attributes: Record<string, string | number>) =>
    h('input', {
      ...attributes,
      value: draft[name],
      oninput: (event: Event) => {
        draft[name] = (event.target as HTMLInputElement).value;
      },
    });
  const ageBands = state.options?.ageBands ?? [];
  const child = h(
    'select',
    {
      required: true,
      onchange: (event: Event) => {
        draft.child = (event.target as HTMLSelectElement).value;
      },
    },
    h('option', { value: '' }, t('details.choose')),
    h(
      'optgroup',
      { label: t('details.ages') },
      ageBands.map((band) =>
        h('option', { value: `age:${band.key}` }, label(band.label, band.key)),
      ),
    ),
    h(
      'optgroup',
      { label: t('details.grades') },
      Object.entries(GRADE_LABELS).map(([key, labels]) =>
        h('option', { value: `grade:${key}` }, labels[state.locale]),
      ),
    ),
  );
  child.value = draft.child;

  const fields = [
    field(
      'parentName',
      t('details.parentName'),
      input('parentName', {
        type: 'text',
        autocomplete: 'name',
        maxlength: PARENT_NAME_MAX,
        required: 'required',
      }),
    ),
    field(
      'phone',
      t('details.phone'),
      input('phone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', required: 'required' }),
      { hint: t('details.phoneHint') },
    ),
    field('child', t('details.child'), child),
  ];
  if (withDescription) {
    const counter = h(
      'p',
      { class: 'counter', id: 'description-counter', 'aria-live': 'polite' },
      t('details.counter', { count: charCount(draft.description), max: DESCRIPTION_MAX }),
    );
    const description = h('textarea', {
      rows: 4,
      value: draft.description,
      oninput: (event: Event) => {
        draft.description = (event.target as HTMLTextAreaElement).value;
        const count = charCount(draft.description);
        counter.textContent = t('details.counter', { count, max: DESCRIPTION_MAX });
        counter.classList.toggle('counter--over', count > DESCRIPTION_MAX);
      },
    });
    counter.classList.toggle('counter--over', charCount(draft.description) > DESCRIPTION_MAX);
    fields.push(field('description', t('details.description'), description, { after: counter }));
  }
  const consent = h('input', {
    type: 'checkbox',
    checked: draft.consent,
    required: true,
    onchange: (event: Event) => {
      draft.consent = (event.target as HTMLInputElement).checked;
    },
  });
  consent.id = 'field-consent';
  const problem = state.problems.consent;
  if (problem) {
    consent.setAttribute('aria-invalid', 'true');
    consent.setAttribute('aria-describedby', 'consent-problem');
  }
  fields.push(
    h(
      'div',
      { class: `field field--consent${problem ? ' field--problem' : ''}`, 'data-field': 'consent' },
      h('label', { class: 'consent' }, consent, h('span', {}, t('details.consent'))),
      problem
        ? h(
            'p',
            { class: 'problem', id: 'consent-problem' },
            'key' in problem ? t(problem.key) : problem.message,
          )
        : null,
    ),
  );
  return fields;
}

/** After a refusal: the focus on the first field that needs changing. */
function focusFirstProblem(): void {
  const first = FIELDS.find((name) => state.problems[name]);
  if (first) document.getElementById(`field-${first}`)?.focus();
}

// Step 3: the parent's details.
function detailsView(): HTMLElement {
  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const problems = checkDraft(state.draft);
        if (hasProblems(problems)) {
          update({ problems, notice: t('details.problems') });
          focusFirstProblem();
          return;
        }
        state.problems = {};
        state.notice = null;
        go({ name: 'confirm' });
      },
    },
    noticeOf(),
    ...detailsFields(true),
    h('button', { type: 'submit', class: 'button' }, t('details.continue')),
  );
  return h(
    'section',
    {},
    stepOf(3),
    heading(t('details.heading')),
    state.slot ? h('p', { class: 'topic-chosen' }, whenOf(state.slot)) : null,
    form,
    backButton(() => go({ name: 'time' })),
  );
}

function summaryRow(term: string, value: string, key: string): HTMLElement[] {
  return [h('dt', {}, term), h('dd', { 'data-summary': key }, value)];
}

function childLabel(child: string): string {
  const [kind, key] = child.split(':');
  if (kind === 'grade') return GRADE_LABELS[key]?.[state.locale] ?? key;
  return label(state.options?.ageBands.find((band) => band.key === key)?.label, key);
}

// Step 4: check, then book (or move the booking of the manage link).
function confirmView(): HTMLElement {
  const slot = state.slot;
  const rescheduling = state.mode === 'reschedule';
  const rows = [
    ...summaryRow(t('confirm.topic'), topicLabel(state.topic), 'topic'),
    ...summaryRow(t('confirm.when'), slot ? whenOf(slot) : '', 'when'),
  ];
  if (state.options?.centreAddress)
    rows.push(...summaryRow(t('confirm.where'), state.options.centreAddress, 'where'));
  if (!rescheduling)
    rows.push(
      ...summaryRow(t('confirm.name'), state.draft.parentName.trim(), 'name'),
      ...summaryRow(t('confirm.phone'), state.draft.phone.trim(), 'phone'),
      ...summaryRow(t('confirm.child'), childLabel(state.draft.child), 'child'),
    );
  return h(
    'section',
    {},
    stepOf(4),
    heading(t('confirm.heading')),
    h('dl', { class: 'summary' }, rows),
    noticeOf(),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        disabled: state.busy,
        'aria-busy': state.busy ? 'true' : null,
        onclick: () => void submitBooking(),
      },
      state.busy ? t('working') : rescheduling ? t('confirm.reschedule') : t('confirm.book'),
    ),
    backButton(() => go({ name: rescheduling ? 'time' : 'details' })),
  );
}

async function submitBooking(): Promise<void> {
  const slot = state.slot;
  const topic = state.topic;
  if (!slot || !topic || state.busy) return;
  update({ busy: true, notice: null });
  const answer =
    state.mode === 'reschedule' && state.manageToken
      ? await api.reschedule(state.manageToken, slot.start)
      : await api.book(bookingBody(state.draft, slot.start, topic, state.locale));
  state.busy = false;
  if (answer.ok) {
    booked(answer.value, state.mode === 'reschedule');
    return;
  }
  if (answer.status === 409 && state.mode === 'reschedule' && answer.alternatives.length === 0) {
    // Past the cut-off: the sentence tells them to call.
    update({ notice: sentenceOf(answer) });
    return;
  }
  if (answer.status === 409) {
    state.slot = null;
    go({ name: 'taken', alternatives: answer.alternatives });
    return;
  }
  if (answer.status === 400 && state.mode === 'new') {
    const { fields, other } = problemsOf(answer.messages);
    if (hasProblems(fields)) {
      // The server's sentence about a number is in English; the page says it in the parent's.
      if (fields.phone) fields.phone = { key: 'field.phone.invalid' };
      state.problems = fields;
      state.notice = other.length ? other.join(' ') : t('details.problems');
      go({ name: 'details' });
      focusFirstProblem();
      return;
    }
  }
  if (answer.status === 404 && state.mode === 'reschedule') {
    go({ name: 'invalid', offer: false });
    return;
  }
  update({ notice: sentenceOf(answer) });
}

function booked(value: Booked, rescheduled: boolean): void {
  state.slot = null;
  state.draft.description = '';
  if (rescheduled) {
    // The old link stops working: the address bar shows the new one.
    state.manageToken = value.manageToken;
    state.mode = 'new';
    history.replaceState(null, '', `?manage=${encodeURIComponent(value.manageToken)}`);
  }
  go({ name: 'done', booked: value, rescheduled });
}

// A 409: that time was just taken; the free times nearest to it.
function takenView(alternatives: Slot[]): HTMLElement {
  return h(
    'section',
    {},
    heading(t('taken.heading')),
    alternatives.length ? h('p', {}, t('taken.pick')) : h('p', { class: 'empty' }, t('taken.none')),
    h(
      'ul',
      { class: 'choices alternatives' },
      alternatives.map((slot) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'choice',
              'data-start': slot.start,
              onclick: () => {
                state.slot = slot;
                state.notice = null;
                go({ name: 'confirm' });
              },
            },
            whenOf(slot),
          ),
        ),
      ),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button button--quiet',
        onclick: () => {
          go({ name: 'time' });
          void loadSlots();
        },
      },
      t('taken.other'),
    ),
  );
}

// Booked: the reference, large, and what happens next.
function doneView(value: Booked, rescheduled: boolean): HTMLElement {
  const address = value.centreAddress ?? state.options?.centreAddress ?? null;
  return h(
    'section',
    { class: 'done' },
    heading(rescheduled ? t('done.rescheduled') : t('done.heading')),
    h(
      'div',
      { class: 'reference' },
      h('p', { class: 'reference__label', id: 'reference-label' }, t('done.reference')),
      h(
        'p',
        { class: 'reference__value', 'aria-labelledby': 'reference-label', 'data-reference': '' },
        value.reference,
      ),
    ),
    h(
      'dl',
      { class: 'summary' },
      summaryRow(t('confirm.when'), whenOf(value), 'when'),
      address ? summaryRow(t('confirm.where'), address, 'where') : [],
      summaryRow(t('confirm.topic'), topicLabel(value.topic), 'topic'),
    ),
    h('p', { class: 'sms' }, t('done.sms')),
    h(
      'p',
      {},
      h('a', { class: 'manage-link', href: value.manageUrl, 'data-manage': '' }, t('done.manage')),
    ),
    h('p', { class: 'hint' }, t('done.keep')),
  );
}

// `?manage=<token>`: the booking, and cancelling or moving it before the cut-off.
async function openManage(token: string): Promise<void> {
  go({ name: 'loading' });
  const answer = await api.booking(token);
  if (answer.ok) {
    state.managed = answer.value;
    state.topic = answer.value.topic;
    go({ name: 'manage' });
  } else if (answer.status === 404) go({ name: 'invalid', offer: false });
  else go({ name: 'failed', message: sentenceOf(answer), retry: () => void openManage(token) });
}

function callUs(booking: ManagedBooking, key: 'manage.callUs' | 'manage.closed'): string {
  const phone = booking.hotlinePhone ?? state.options?.hotlinePhone ?? null;
  const hours = booking.changeCutoffHours;
  if (phone) return t(key, { hours, phone });
  return t(key === 'manage.callUs' ? 'manage.callUsNoNumber' : 'manage.closedNoNumber', { hours });
}

function manageView(): HTMLElement {
  const booking = state.managed;
  if (!booking) return h('div', { class: 'loading' }, t('loading'));
  const changeable = booking.status === 'booked' && booking.canChange;
  const actions: (HTMLElement | null)[] = [];
  if (booking.status === 'booked' && !booking.canChange)
    actions.push(
      h('p', { class: 'call-us', 'data-call-us': '' }, callUs(booking, 'manage.callUs')),
    );
  else if (!changeable && booking.status !== 'cancelled')
    actions.push(
      h('p', { class: 'call-us', 'data-call-us': '' }, callUs(booking, 'manage.closed')),
    );
  if (changeable && state.askingCancel)
    actions.push(
      h(
        'div',
        { class: 'confirm-cancel', role: 'alertdialog', 'aria-labelledby': 'cancel-question' },
        h('p', { id: 'cancel-question' }, t('manage.cancelQuestion', { when: whenOf(booking) })),
        h(
          'button',
          {
            type: 'button',
            class: 'button button--danger',
            disabled: state.busy,
            onclick: () => void cancelBooking(),
          },
          state.busy ? t('working') : t('manage.cancelYes'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button button--quiet',
            onclick: () => update({ askingCancel: false }),
          },
          t('manage.cancelNo'),
        ),
      ),
    );
  else if (changeable)
    actions.push(
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          onclick: () => {
            state.mode = 'reschedule';
            state.slot = null;
            state.notice = null;
            go({ name: 'time' });
            void loadSlots();
          },
        },
        t('manage.reschedule'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button--quiet button--danger-text',
          onclick: () => {
            update({ askingCancel: true, notice: null });
            document.querySelector<HTMLElement>('.confirm-cancel button')?.focus();
          },
        },
        t('manage.cancel'),
      ),
    );
  return h(
    'section',
    {},
    heading(t('manage.heading')),
    h(
      'div',
      { class: 'reference' },
      h('p', { class: 'reference__label', id: 'reference-label' }, t('done.reference')),
      h(
        'p',
        { class: 'reference__value', 'aria-labelledby': 'reference-label', 'data-reference': '' },
        booking.reference,
      ),
    ),
    h(
      'dl',
      { class: 'summary' },
      summaryRow(t('confirm.when'), whenOf(booking), 'when'),
      state.options?.centreAddress
        ? summaryRow(t('confirm.where'), state.options.centreAddress, 'where')
        : [],
      summaryRow(t('confirm.topic'), topicLabel(booking.topic), 'topic'),
      summaryRow(t('manage.status'), t(`status.${booking.status}` as TextKey), 'status'),
    ),
    noticeOf(),
    ...actions,
  );
}

async function cancelBooking(): Promise<void> {
  const token = state.manageToken;
  if (!token || state.busy) return;
  update({ busy: true, notice: null });
  const answer = await api.cancel(token);
  state.busy = false;
  state.askingCancel = false;
  if (answer.ok) go({ name: 'cancelled' });
  else if (answer.status === 404) go({ name: 'invalid', offer: false });
  else update({ notice: sentenceOf(answer) });
}

// `?offer=<token>`: a place held for someone on the waitlist.
async function openOffer(token: string): Promise<void> {
  go({ name: 'loading' });
  const answer = await api.offer(token);
  if (answer.ok) go({ name: 'offer', offer: answer.value });
  else if (answer.status === 404) go({ name: 'invalid', offer: true });
  else go({ name: 'failed', message: sentenceOf(answer), retry: () => void openOffer(token) });
}

function offerView(offer: WaitlistOffer): HTMLElement {
  return h(
    'section',
    {},
    heading(t('offer.heading')),
    h('p', { class: 'when-large', 'data-summary': 'when' }, whenOf(offer)),
    state.options?.centreAddress ? h('p', {}, state.options.centreAddress) : null,
    h(
      'p',
      { 'data-expires': offer.expiresAt },
      t('offer.text', { expires: formatInstant(offer.expiresAt, zone(), state.locale) }),
    ),
    noticeOf(),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        disabled: state.busy,
        onclick: () => void acceptOffer(),
      },
      state.busy ? t('working') : t('offer.accept'),
    ),
  );
}

async function acceptOffer(): Promise<void> {
  const token = state.offerToken;
  if (!token || state.busy) return;
  update({ busy: true, notice: null });
  const answer = await api.acceptOffer(token);
  state.busy = false;
  if (answer.ok) booked(answer.value, false);
  else if (answer.status === 404) go({ name: 'invalid', offer: true });
  else update({ notice: sentenceOf(answer) });
}

// A full day: the waitlist.
function waitlistView(date: string): HTMLElement {
  const form = h(
    'form',
    {
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        void joinWaitlist(date);
      },
    },
    noticeOf(),
    ...detailsFields(false),
    h(
      'button',
      { type: 'submit', class: 'button', disabled: state.busy },
      state.busy ? t('working') : t('waitlist.submit'),
    ),
  );
  return h(
    'section',
    {},
    heading(t('waitlist.heading', { day: formatDay(date, state.locale) })),
    h('p', { class: 'topic-chosen' }, topicLabel(state.topic)),
    h('p', {}, t('waitlist.intro')),
    form,
    backButton(() => go({ name: 'time' })),
  );
}

async function joinWaitlist(date: string): Promise<void> {
  const topic = state.topic;
  if (!topic || state.busy) return;
  const problems = checkDraft(state.draft, false);
  if (hasProblems(problems)) {
    update({ problems, notice: t('details.problems') });
    focusFirstProblem();
    return;
  }
  update({ busy: true, problems: {}, notice: null });
  const answer = await api.joinWaitlist(waitlistBody(state.draft, date, topic, state.locale));
  state.busy = false;
  if (answer.ok) {
    go({ name: 'waitlisted', date, position: answer.value.position });
    return;
  }
  if (answer.status === 400) {
    const { fields, other } = problemsOf(answer.messages);
    if (hasProblems(fields)) {
      if (fields.phone) fields.phone = { key: 'field.phone.invalid' };
      update({ problems: fields, notice: other.length ? other.join(' ') : t('details.problems') });
      focusFirstProblem();
      return;
    }
  }
  update({ notice: sentenceOf(answer) });
}

async function start(): Promise<void> {
  go({ name: 'loading' });
  const answer = await api.options();
  if (!answer.ok) {
    go({ name: 'failed', message: sentenceOf(answer), retry: () => void start() });
    return;
  }
  state.options = answer.value;
  if (state.manageToken) await openManage(state.manageToken);
  else if (state.offerToken) await openOffer(state.offerToken);
  else go({ name: 'topic' });
}

void start();
