/**
 * Step 3: the parent's details. The fields are shared with the waitlist's form: each labelled
 * control carries its hint and its problem, tied together for assistive technology.
 */
import { h } from './dom';
import {
  DESCRIPTION_MAX,
  type Field,
  FIELDS,
  type FieldProblems,
  PARENT_NAME_MAX,
  charCount,
  checkDraft,
  hasProblems,
  problemsOf,
} from './forms';
import { GRADE_LABELS } from './i18n';
import { backButton, go, heading, label, noticeOf, state, stepOf, t, update, whenOf } from './page';

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
export function detailsFields(withDescription: boolean): HTMLElement[] {
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
export function focusFirstProblem(): void {
  const first = FIELDS.find((name) => state.problems[name]);
  if (first) document.getElementById(`field-${first}`)?.focus();
}

// Step 3: the parent's details.
export function detailsView(): HTMLElement {
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

/** A 400 about the fields: each problem beside its field, the rest above the form; else null. */
export function refusedFields(messages: string[]): {
  problems: FieldProblems;
  notice: string;
} | null {
  const { fields, other } = problemsOf(messages);
  if (!hasProblems(fields)) return null;
  // The server's sentence about a number is in English; the page says it in the parent's.
  if (fields.phone) fields.phone = { key: 'field.phone.invalid' };
  return { problems: fields, notice: other.length ? other.join(' ') : t('details.problems') };
}
