import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n';
import { addDays, localDateIn, mondayOf } from '../../roster';
import {
  type GenerateResult,
  type ShiftTemplateView,
  type TemplateForm,
  generateShifts,
  loadTemplates,
  saveTemplate,
  templateBody,
  templateForm,
} from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import {
  ActionsHeader,
  CheckboxGroup,
  EditButton,
  EditorCard,
  FormEnd,
  InputField,
  ListHead,
  Loaded,
  TimeFields,
  useEditor,
  useSending,
} from './SetupParts';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The hotline's local date now, by its clock. */
export function hotlineToday(context: SetupContext): string {
  const now = context.now();
  return localDateIn(now, context.timeZone) ?? new Date(now).toISOString().slice(0, 10);
}

/**
 * The evening described once: shift templates (weekdays, local times, people needed, dated
 * ones for exam weeks), then the shifts of a period generated from them.
 */
export function ShiftPlanning({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const templates = useLoad(
    (signal) => loadTemplates(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  const editor = useEditor<ShiftTemplateView>();
  const days = (weekdays: number[]) =>
    weekdays
      .map((day) => t(`setup.weekday.${day}` as 'setup.weekday.1'))
      .join(t('setup.listSeparator'));

  return (
    <div className="setup-shifts">
      <ListHead heading={t('setup.shifts.templates')} add={t('setup.shifts.add')} editor={editor} />
      <p className="hint">{t('setup.shifts.intro')}</p>
      {editor.isOpen && (
        <TemplateEditor
          key={editor.key}
          context={context}
          editing={editor.record}
          onDone={(saved) => {
            editor.close();
            if (saved) templates.reload();
          }}
        />
      )}
      <Loaded load={templates}>
        {(list) =>
          list.length === 0 ? (
            <p data-empty="true">{t('setup.shifts.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table setup__table">
                <caption className="visually-hidden">{t('setup.shifts.templates')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('setup.shifts.name')}</th>
                    <th scope="col">{t('setup.shifts.weekdays')}</th>
                    <th scope="col">{t('setup.shifts.time')}</th>
                    <th scope="col">{t('setup.shifts.volunteersNeeded')}</th>
                    <th scope="col">{t('setup.shifts.supervisorsNeeded')}</th>
                    <th scope="col">{t('setup.shifts.valid')}</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {list.map((template) => (
                    <tr key={template.id} data-template={template.id}>
                      <th scope="row">{template.name}</th>
                      <td>{days(template.weekdays)}</td>
                      <td>
                        {template.startTime}–{template.endTime}
                      </td>
                      <td>{template.volunteersNeeded}</td>
                      <td>{template.supervisorsNeeded}</td>
                      <td>
                        {template.validFrom || template.validTo
                          ? `${template.validFrom ?? '…'} – ${template.validTo ?? '…'}`
                          : t('setup.shifts.always')}
                      </td>
                      <td>
                        <EditButton name={template.name} onClick={() => editor.open(template)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <GeneratePeriod context={context} />
    </div>
  );
}

function TemplateEditor({
  context,
  editing,
  onDone,
}: {
  context: SetupContext;
  editing: ShiftTemplateView | null;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<TemplateForm>(() => templateForm(editing));
  const sending = useSending();
  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(
      () =>
        saveTemplate(
          context.accessToken,
          editing?.id ?? null,
          templateBody(form, context.hotlineId, !editing),
        ),
      () => onDone(true),
    );
  };

  return (
    <EditorCard
      heading={
        editing
          ? t('setup.shifts.editHeading', { name: editing.name })
          : t('setup.shifts.newHeading')
      }
    >
      <form noValidate onSubmit={submit}>
        <div className="setup__fields">
          <InputField
            label={t('setup.shifts.name')}
            path="name"
            sending={sending}
            value={form.name}
            onValue={(value) => set('name', value)}
          />
          <TimeFields
            sending={sending}
            start={form.startTime}
            end={form.endTime}
            onStart={(value) => set('startTime', value)}
            onEnd={(value) => set('endTime', value)}
          />
          <InputField
            label={t('setup.shifts.volunteersNeeded')}
            path="volunteersNeeded"
            type="number"
            inputMode="numeric"
            sending={sending}
            value={form.volunteersNeeded}
            onValue={(value) => set('volunteersNeeded', value)}
          />
          <InputField
            label={t('setup.shifts.supervisorsNeeded')}
            path="supervisorsNeeded"
            type="number"
            inputMode="numeric"
            sending={sending}
            value={form.supervisorsNeeded}
            onValue={(value) => set('supervisorsNeeded', value)}
          />
          <InputField
            label={t('setup.shifts.validFrom')}
            path="validFrom"
            type="date"
            sending={sending}
            value={form.validFrom}
            hint={t('setup.shifts.validHint')}
            onValue={(value) => set('validFrom', value)}
          />
          <InputField
            label={t('setup.shifts.validTo')}
            path="validTo"
            type="date"
            sending={sending}
            value={form.validTo}
            onValue={(value) => set('validTo', value)}
          />
        </div>
        <CheckboxGroup
          legend={t('setup.shifts.weekdays')}
          path="weekdays"
          sending={sending}
          options={ISO_WEEKDAYS}
          chosen={form.weekdays}
          label={(day) => t(`setup.weekdayLong.${day}` as 'setup.weekdayLong.1')}
          onChosen={(chosen) => set('weekdays', chosen)}
        />
        <FormEnd sending={sending} submit={t('setup.save')} onCancel={() => onDone(false)} />
      </form>
    </EditorCard>
  );
}

/** Creates the shifts the templates plan for a period; the next week by default. */
function GeneratePeriod({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const nextMonday = addDays(mondayOf(hotlineToday(context)), 7);
  const [from, setFrom] = useState(nextMonday);
  const [to, setTo] = useState(addDays(nextMonday, 6));
  const [result, setResult] = useState<GenerateResult | null>(null);
  const sending = useSending();
  return (
    <section className="card setup__generate" aria-labelledby="setup-generate-heading">
      <h3 id="setup-generate-heading">{t('setup.shifts.generate')}</h3>
      <p className="hint">{t('setup.shifts.generateHint')}</p>
      <form
        noValidate
        aria-labelledby="setup-generate-heading"
        onSubmit={(event) => {
          event.preventDefault();
          setResult(null);
          void sending.send(
            () => generateShifts(context.accessToken, { from, to, hotlineId: context.hotlineId }),
            setResult,
          );
        }}
      >
        <div className="setup__fields">
          <InputField
            label={t('setup.shifts.from')}
            path="from"
            type="date"
            sending={sending}
            value={from}
            onValue={setFrom}
          />
          <InputField
            label={t('setup.shifts.to')}
            path="to"
            type="date"
            sending={sending}
            value={to}
            onValue={setTo}
          />
        </div>
        <FormEnd
          sending={sending}
          submit={t('setup.shifts.generateButton')}
          savedText={result ? t('setup.shifts.generated', { ...result }) : undefined}
        />
      </form>
    </section>
  );
}
