/** The waitlist of a full day, and `?offer=<token>`: the place it holds for a parent. */
import { booked } from './confirm';
import { detailsFields, focusFirstProblem, refusedFields } from './details';
import { h } from './dom';
import { checkDraft, hasProblems, waitlistBody } from './forms';
import { formatDay, formatInstant } from './slots';
import {
  api,
  backButton,
  go,
  heading,
  noticeOf,
  sentenceOf,
  state,
  t,
  topicLabel,
  update,
  whenOf,
  zone,
} from './page';
import type { WaitlistOffer } from './views';

// `?offer=<token>`: a place held for someone on the waitlist.
export async function openOffer(token: string): Promise<void> {
  go({ name: 'loading' });
  const answer = await api.offer(token);
  if (answer.ok) go({ name: 'offer', offer: answer.value });
  else if (answer.status === 404) go({ name: 'invalid', offer: true });
  else go({ name: 'failed', message: sentenceOf(answer), retry: () => void openOffer(token) });
}

export function offerView(offer: WaitlistOffer): HTMLElement {
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
export function waitlistView(date: string): HTMLElement {
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
  const refused = answer.status === 400 ? refusedFields(answer.messages) : null;
  if (refused) {
    update(refused);
    focusFirstProblem();
    return;
  }
  update({ notice: sentenceOf(answer) });
}

export function waitlistedView(date: string, position: number): HTMLElement {
  return h(
    'section',
    { class: 'done' },
    heading(t('waitlist.done', { position })),
    h('p', {}, formatDay(date, state.locale)),
    h('p', {}, t('waitlist.doneHint')),
  );
}
