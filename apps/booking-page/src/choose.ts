/**
 * Steps 1 and 2: the topic, then a day and a free time (or the waitlist of a full day). A topic
 * about a child in danger shows the emergency numbers first (`crisis.ts`).
 */
import { h } from './dom';
import { isCrisisTopic } from './emergency';
import {
  api,
  backButton,
  go,
  heading,
  label,
  sentenceOf,
  state,
  stepOf,
  t,
  topicLabel,
  update,
} from './page';
import { formatDay, fullDays, groupByDay, localDateIn, slotRange } from './slots';
import type { Slot } from './views';

// Step 1: the topic.
export function topicView(): HTMLElement {
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
  if (isCrisisTopic(topic)) {
    // The numbers before any time; the free times are asked for when the parent goes on.
    go({ name: 'crisis' });
    return;
  }
  go({ name: 'time' });
  void loadSlots();
}

export async function loadSlots(): Promise<void> {
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
export function timeView(): HTMLElement {
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
    backButton(() => {
      if (state.mode === 'reschedule') go({ name: 'manage' });
      else go({ name: isCrisisTopic(state.topic) ? 'crisis' : 'topic' });
    }),
  );
}

function chooseSlot(slot: Slot): void {
  state.slot = slot;
  state.notice = null;
  go({ name: state.mode === 'reschedule' ? 'confirm' : 'details' });
}
