/** `?manage=<token>`: the booking of the parent's link, and cancelling or moving it. */
import { loadSlots } from './choose';
import { h } from './dom';
import type { TextKey } from './i18n';
import {
  api,
  go,
  heading,
  noticeOf,
  referenceOf,
  sentenceOf,
  state,
  summaryRow,
  t,
  topicLabel,
  update,
  whenOf,
} from './page';
import type { ManagedBooking } from './views';

// Cancelling or moving it is possible until the cut-off; after it, the parent is asked to call.
export async function openManage(token: string): Promise<void> {
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

export function manageView(): HTMLElement {
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
    referenceOf(booking.reference),
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

export function cancelledView(): HTMLElement {
  return h(
    'section',
    {},
    heading(t('manage.cancelled')),
    h('a', { class: 'button', href: './' }, t('invalid.bookAgain')),
  );
}
