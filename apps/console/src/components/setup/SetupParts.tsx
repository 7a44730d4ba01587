import {
  type InputHTMLAttributes,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import type { ApiAnswer } from '../../api';
import { useI18n } from '../../i18n';
import { messagesFor } from '../../setup';

/** What a setup form knows of its last sending: busy, saved, or refused (with the reasons by field). */
export interface Sending {
  busy: boolean;
  saved: boolean;
  /** The server's messages by field path, from a 400. */
  fields: Record<string, string[]> | undefined;
  /** The refusal as one line, or null. */
  problem: string | null;
}

/**
 * Sends a form and keeps what the server answered: the field messages go next to their
 * fields, the rest of a refusal above the button. `onSaved` runs with the answer's value.
 */
export function useSending() {
  const { t } = useI18n();
  const [state, setState] = useState<Sending>({
    busy: false,
    saved: false,
    fields: undefined,
    problem: null,
  });
  const send = useCallback(
    async <T,>(request: () => Promise<ApiAnswer<T>>, onSaved?: (value: T) => void) => {
      setState({ busy: true, saved: false, fields: undefined, problem: null });
      const answer = await request();
      if (answer.ok) {
        setState({ busy: false, saved: true, fields: undefined, problem: null });
        onSaved?.(answer.value);
        return true;
      }
      const fields = answer.fields;
      setState({
        busy: false,
        saved: false,
        fields,
        problem:
          answer.status === null
            ? t('setup.noAnswer')
            : fields
              ? t('setup.fixFields')
              : t('setup.refused', { reason: answer.message ?? String(answer.status) }),
      });
      return false;
    },
    [t],
  );
  const reset = useCallback(
    () => setState({ busy: false, saved: false, fields: undefined, problem: null }),
    [],
  );
  return { ...state, send, reset };
}

/** The outcome of the last sending, read out when it changes. */
export function SendingStatus({ sending, savedText }: { sending: Sending; savedText?: string }) {
  const { t } = useI18n();
  return (
    <p
      className="setup__status"
      role="status"
      data-sending={
        sending.busy ? 'busy' : sending.saved ? 'saved' : sending.problem ? 'refused' : 'idle'
      }
    >
      {sending.busy ? t('setup.saving') : sending.saved ? (savedText ?? t('setup.saved')) : ''}
      {sending.problem && <span className="setup__problem">{sending.problem}</span>}
    </p>
  );
}

/** The server's reasons for one field, tied to it by `aria-describedby`. */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="setup__field-problem" data-field-problem>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * A labelled input with the server's reasons for its field (`path`) beside it. Everything not
 * named is passed to the input.
 */
export function InputField({
  label,
  path,
  sending,
  hint,
  onValue,
  wide,
  ...input
}: {
  /** Text, or text with a part only screen readers need (the day a time belongs to). */
  label: ReactNode;
  path: string;
  sending: Pick<Sending, 'fields'>;
  hint?: string;
  onValue: (value: string) => void;
  wide?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'>) {
  const id = useId();
  const messages = messagesFor(sending.fields, path);
  const described = [hint ? `${id}-hint` : '', messages.length ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field setup__field${wide ? ' field--wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={path}
        {...input}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={described || undefined}
        onChange={(event) => onValue(event.target.value)}
      />
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <FieldMessages id={`${id}-problem`} messages={messages} />
    </div>
  );
}

/** A labelled text of several lines, its hint above it, and the server's reasons below it. */
export function TextAreaField({
  label,
  path,
  sending,
  hint,
  rows,
  lang,
  value,
  onValue,
}: {
  label: string;
  path: string;
  sending: Pick<Sending, 'fields'>;
  hint: string;
  rows: number;
  lang?: string;
  value: string;
  onValue: (value: string) => void;
}) {
  const id = useId();
  const messages = messagesFor(sending.fields, path);
  return (
    <div className="field field--wide setup__field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}hint`} className="field__hint">
        {hint}
      </p>
      <textarea
        id={id}
        rows={rows}
        lang={lang}
        value={value}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={[`${id}hint`, ...(messages.length ? [`${id}problem`] : [])].join(' ')}
        onChange={(event) => onValue(event.target.value)}
      />
      <FieldMessages id={`${id}problem`} messages={messages} />
    </div>
  );
}

/** A labelled select with the server's reasons for its field beside it. */
export function SelectField({
  label,
  path,
  sending,
  value,
  onValue,
  children,
  disabled,
}: {
  label: string;
  path: string;
  sending: Pick<Sending, 'fields'>;
  value: string;
  onValue: (value: string) => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  const messages = messagesFor(sending.fields, path);
  return (
    <div className="field setup__field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={path}
        value={value}
        disabled={disabled}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length ? `${id}-problem` : undefined}
        onChange={(event) => onValue(event.target.value)}
      >
        {children}
      </select>
      <FieldMessages id={`${id}-problem`} messages={messages} />
    </div>
  );
}

/** A group of checkboxes choosing some of `options`. */
export function CheckboxGroup<T extends string | number>({
  legend,
  path,
  sending,
  options,
  chosen,
  label,
  onChosen,
}: {
  legend: string;
  path: string;
  sending: Pick<Sending, 'fields'>;
  options: readonly T[];
  chosen: readonly T[];
  label: (option: T) => string;
  onChosen: (chosen: T[]) => void;
}) {
  const id = useId();
  const messages = messagesFor(sending.fields, path);
  return (
    <fieldset
      className="setup__choices"
      aria-describedby={messages.length ? `${id}-problem` : undefined}
    >
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={String(option)} className="checkbox">
          <input
            type="checkbox"
            name={path}
            value={String(option)}
            checked={chosen.includes(option)}
            onChange={(event) =>
              onChosen(
                event.target.checked
                  ? options.filter((item) => item === option || chosen.includes(item))
                  : chosen.filter((item) => item !== option),
              )
            }
          />
          {label(option)}
        </label>
      ))}
      <FieldMessages id={`${id}-problem`} messages={messages} />
    </fieldset>
  );
}

/** A screen's loading and failure lines, or its content. */
export function Loaded<T>({
  load,
  children,
}: {
  load: { data: ApiAnswer<T> | null; loading: boolean; reload(): void };
  children: (value: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (!load.data) return <p className="loading">{t('setup.loading')}</p>;
  if (!load.data.ok)
    return (
      <div className="setup__failed" role="alert">
        <p>
          {load.data.status === null
            ? t('setup.noAnswer')
            : t('setup.loadFailed', { reason: load.data.message ?? String(load.data.status) })}
        </p>
        <button type="button" className="button button--small" onClick={load.reload}>
          {t('setup.retry')}
        </button>
      </div>
    );
  return <>{children(load.data.value)}</>;
}

/** A form's last lines: how its sending went, its button, and a way out when it has one. */
export function FormEnd({
  sending,
  submit,
  savedText,
  primary = true,
  onCancel,
  children,
}: {
  sending: Sending;
  submit: string;
  savedText?: string;
  primary?: boolean;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <SendingStatus sending={sending} savedText={savedText} />
      <div className="setup__actions">
        <button
          type="submit"
          className={`button${primary ? ' button--primary' : ''}`}
          disabled={sending.busy}
        >
          {submit}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('setup.cancel')}
          </button>
        )}
        {children}
      </div>
    </>
  );
}

/** A window's start and end, as two time fields. */
export function TimeFields({
  sending,
  start,
  end,
  onStart,
  onEnd,
}: {
  sending: Pick<Sending, 'fields'>;
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <InputField
        label={t('setup.shifts.start')}
        path="startTime"
        type="time"
        sending={sending}
        value={start}
        onValue={onStart}
      />
      <InputField
        label={t('setup.shifts.end')}
        path="endTime"
        type="time"
        sending={sending}
        value={end}
        onValue={onEnd}
      />
    </>
  );
}

/**
 * The record a list's editor is open on ('new' for a new one), and the list's add button,
 * which gets the focus back when the editor closes.
 */
export function useEditor<T extends { id: string }>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setEditing(null);
    addButton.current?.focus();
  }, []);
  return {
    open: setEditing,
    close,
    addButton,
    /** Open at all, and on which record (null: a new one). */
    isOpen: editing !== null,
    record: editing === 'new' ? null : editing,
    /** A new editor for each record: its form starts from that record. */
    key: editing === 'new' || editing === null ? 'new' : editing.id,
  };
}

/** A list's heading and its add button. */
export function ListHead({
  heading,
  add,
  editor,
  onAdd,
}: {
  heading: string;
  add: string;
  editor: { addButton: RefObject<HTMLButtonElement | null>; open(record: 'new'): void };
  onAdd?: () => void;
}) {
  return (
    <div className="setup__row">
      <h3>{heading}</h3>
      <button
        ref={editor.addButton}
        type="button"
        className="button button--primary"
        onClick={() => {
          onAdd?.();
          editor.open('new');
        }}
      >
        {add}
      </button>
    </div>
  );
}

/** The editor of one record: a card whose heading takes the focus when it opens. */
export function EditorCard({ heading, children }: { heading: string; children: ReactNode }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card setup__editor" aria-labelledby={id}>
      <h3 id={id} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      {children}
    </section>
  );
}

/** The hidden heading of a table's column of buttons. */
export function ActionsHeader() {
  const { t } = useI18n();
  return (
    <th scope="col">
      <span className="visually-hidden">{t('setup.actions')}</span>
    </th>
  );
}

/** A row's Edit button, named with what it edits. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button button--small"
      aria-label={t('setup.editNamed', { name })}
      onClick={onClick}
    >
      {t('setup.edit')}
    </button>
  );
}

/** A small button in a list, its label completed for screen readers with what it acts on. */
export function RowButton({
  label,
  what,
  disabled,
  onClick,
}: {
  label: string;
  what: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="button button--small" disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden"> {what}</span>
    </button>
  );
}
