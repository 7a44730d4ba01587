/**
 * Step 4: check, then book (or move the booking of the manage link); a time just taken, with
 * the nearest free ones; booked, with the reference and what happens next.
 */
import { loadSlots } from './choose';
import { focusFirstProblem, refusedFields } from './details';
import { h } from './dom';
import { bookingBody } from './forms';
import { GRADE_LABELS } from './i18n';
import {
  api,
  backButton,
  go,
  heading,
  label,
  noticeOf,
  referenceOf,
  sentenceOf,
  state,
  stepOf,
  summaryRow,
  t,
  topicLabel,
  update,
  whenOf,
} from './page';
import type { Booked, Slot } from './views';

function childLabel(child: string): string {
  const [kind, key] = child.split(':');
  if (kind === 'grade') return GRADE_LABELS[key]?.[state.locale] ?? key;
  return label(state.options?.ageBands.find((band) => band.key === key)?.label, key);
}

// Step 4: check, then book (or move the booking of the manage link).
export function confirmView(): HTMLElement {
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
  const refused =
    answer.status === 400 && state.mode === 'new' ? refusedFields(answer.messages) : null;
  if (refused) {
    Object.assign(state, refused);
    go({ name: 'details' });
    focusFirstProblem();
    return;
  }
  if (answer.status === 404 && state.mode === 'reschedule') {
    go({ name: 'invalid', offer: false });
    return;
  }
  update({ notice: sentenceOf(answer) });
}

export function booked(value: Booked, rescheduled: boolean): void {
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
export function takenView(alternatives: Slot[]): HTMLElement {
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
export function doneView(value: Booked, rescheduled: boolean): HTMLElement {
  const address = value.centreAddress ?? state.options?.centreAddress ?? null;
  return h(
    'section',
    { class: 'done' },
    heading(rescheduled ? t('done.rescheduled') : t('done.heading')),
    referenceOf(value.reference),
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
