/**
 * After a topic about a child in danger (`CRISIS_TOPICS`), before any booking step: the
 * emergency numbers and the hotline's own, to call now, then booking for a parent who still
 * wants a session.
 */
import { loadSlots } from './choose';
import { h } from './dom';
import { EMERGENCY_NUMBERS } from './emergency';
import { callLink } from './call-link';
import { backButton, go, state, t, topicLabel } from './page';

export function crisisView(): HTMLElement {
  const phone = state.options?.hotlinePhone ?? null;
  const calls = EMERGENCY_NUMBERS.map(({ number, what }) =>
    callLink(number, t(what), t('crisis.callNow')),
  );
  // Without a number of its own in the options, the hotline is not listed: the national ones are.
  if (phone) calls.push(callLink(phone, t('crisis.hotline'), t('crisis.callNow')));
  return h(
    'section',
    { class: 'crisis', 'aria-labelledby': 'crisis-heading' },
    h('h1', { tabindex: -1, id: 'crisis-heading' }, t('crisis.heading')),
    h('p', { class: 'topic-chosen' }, topicLabel(state.topic)),
    h('p', { class: 'crisis__text', id: 'crisis-text' }, t('crisis.text')),
    h(
      'ul',
      { class: 'crisis__calls', role: 'list', 'aria-labelledby': 'crisis-text' },
      calls.map((link) => (link ? h('li', {}, link) : null)),
    ),
    h('p', { class: 'crisis__stay' }, t('crisis.stay')),
    h('p', { class: 'hint' }, t('crisis.later')),
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-action': 'continue-booking',
        onclick: () => {
          go({ name: 'time' });
          void loadSlots();
        },
      },
      t('crisis.continue'),
    ),
    backButton(() => go({ name: 'topic' })),
  );
}
