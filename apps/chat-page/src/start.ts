/**
 * Before the chat: "I am in danger now" first and clearly apart, then who is writing and what
 * about (the phone menu's questions), and nothing personal. Outside opening hours the server
 * answers with its hours, and the closed view follows.
 */
import { CHAT_WRITERS } from '@hotline/chat-protocol';
import { h } from '../../booking-page/src/dom';
import { startChat } from './chat-view';
import { type IntakeProblem, checkIntake, isWriter } from './intake';
import { keepChat } from './resume';
import { api, device, go, heading, noticeOf, sentenceOf, state, storage, t, update } from './page';

const PROBLEM_TEXT = { who: 'start.missingWho', topic: 'start.missingTopic' } as const;

export function startView(): HTMLElement {
  const { intake } = state;
  return h(
    'section',
    { class: 'start' },
    heading(t('start.heading')),
    h('p', { class: 'intro' }, t('start.intro')),
    h(
      'form',
      { novalidate: true, onsubmit: (event: Event) => void submit(event) },
      h(
        'div',
        { class: 'danger' },
        h(
          'label',
          { class: 'danger__choice', for: 'danger' },
          h('input', {
            type: 'checkbox',
            id: 'danger',
            name: 'danger',
            checked: intake.danger,
            'aria-describedby': 'danger-hint',
            onchange: (event: Event) =>
              update({
                intake: { ...state.intake, danger: (event.target as HTMLInputElement).checked },
                problems: [],
              }),
          }),
          h('span', {}, t('start.danger')),
        ),
        h('p', { class: 'danger__hint', id: 'danger-hint' }, t('start.dangerHint')),
        // In danger nothing else is asked: the questions below may be left.
        intake.danger
          ? h('p', { class: 'danger__hint', role: 'status' }, t('start.dangerChosen'))
          : null,
      ),
      whoAndWhat(),
      noticeOf(),
      h(
        'button',
        { type: 'submit', class: 'button', disabled: state.busy, 'data-action': 'start' },
        state.busy ? t('working') : t('start.submit'),
      ),
    ),
    h('p', { class: 'hint' }, t('start.privacy')),
    h('p', { class: 'hint' }, t('exit.hint')),
  );
}

/** Who is writing and what about: the phone menu's two questions. */
export function whoAndWhat(): HTMLElement[] {
  const topics = state.hotline?.topics ?? [];
  const { intake } = state;
  return [
    choiceGroup(
      'who',
      t('start.who'),
      null,
      CHAT_WRITERS.map((writer) => ({ value: writer, label: t(`writer.${writer}`) })),
      intake.callerType,
      (value) => {
        if (isWriter(value)) setIntake({ callerType: value }, 'who');
      },
    ),
    choiceGroup(
      'topic',
      t('start.topic'),
      t('start.topicHint'),
      topics.map((topic) => ({ value: topic.key, label: topic.label[state.locale] })),
      intake.topic,
      (value) => setIntake({ topic: value }, 'topic'),
    ),
  ];
}

function setIntake(changes: Partial<typeof state.intake>, answered: IntakeProblem): void {
  update({
    intake: { ...state.intake, ...changes },
    problems: state.problems.filter((problem) => problem !== answered),
  });
}

/** A question with a few answers: radio buttons drawn as large tiles, its problem beside it. */
function choiceGroup(
  name: IntakeProblem,
  legend: string,
  hint: string | null,
  choices: { value: string; label: string }[],
  chosen: string | null,
  choose: (value: string) => void,
): HTMLElement {
  const problem = state.problems.includes(name);
  const described = [hint ? `${name}-hint` : null, problem ? `${name}-problem` : null]
    .filter(Boolean)
    .join(' ');
  return h(
    'fieldset',
    { class: problem ? 'question question--problem' : 'question', 'data-question': name },
    h('legend', {}, legend),
    hint ? h('p', { class: 'hint', id: `${name}-hint` }, hint) : null,
    problem ? h('p', { class: 'problem', id: `${name}-problem` }, t(PROBLEM_TEXT[name])) : null,
    h(
      'div',
      { class: 'question__list' },
      choices.map((choice, index) =>
        h(
          'label',
          { class: 'option', for: `${name}-${index}` },
          h('input', {
            type: 'radio',
            name,
            id: `${name}-${index}`,
            value: choice.value,
            checked: chosen === choice.value,
            'aria-invalid': problem ? 'true' : null,
            'aria-describedby': described || null,
            onchange: () => choose(choice.value),
          }),
          h('span', {}, choice.label),
        ),
      ),
    ),
  );
}

async function submit(event: Event): Promise<void> {
  event.preventDefault();
  if (state.busy) return;
  const topics = (state.hotline?.topics ?? []).map((topic) => topic.key);
  const checked = checkIntake(state.intake, topics, state.locale);
  if (!checked.ok) {
    update({ problems: checked.problems, notice: null });
    document.getElementById(`${checked.problems[0]}-0`)?.focus();
    return;
  }
  update({ busy: true, notice: null, problems: [] });
  const answer = await api.open({
    ...checked.request,
    deviceId: device(),
    hotlineId: state.hotline?.hotlineId,
  });
  update({ busy: false });
  if (answer.ok) {
    keepChat(storage, answer.value);
    startChat(answer.value);
  } else if (answer.notOpened?.why === 'closed')
    go({ name: 'closed', closed: answer.notOpened.closed, ask: false });
  else if (answer.notOpened)
    go({ name: answer.notOpened.why, emergency: answer.notOpened.emergency });
  else update({ notice: sentenceOf(answer) });
}
