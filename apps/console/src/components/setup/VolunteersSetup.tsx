import { type FormEvent, useEffect, useState } from 'react';
import { loadHotlines } from '../../api';
import { useI18n } from '../../i18n';
import {
  ANSWER_CHANNELS,
  EXPERT_KINDS,
  NO_FILTER,
  ROLES,
  type Role,
  VOLUNTEER_PAGE_SIZE,
  type VolunteerFilter,
  type VolunteerForm,
  type VolunteerView,
  grantableRoles,
  loadVolunteers,
  mayManage,
  resetPassword,
  saveVolunteer,
  volunteerBody,
  volunteerForm,
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
  SelectField,
  useEditor,
  useSending,
} from './SetupParts';

/** Typing in the search asks the server once the person pauses, not at every key. */
const SEARCH_PAUSE_MS = 250;

/**
 * The hotline's people: a list the server filters and pages (so a hotline of 500 shows one
 * page of 50), and the editor for a new person or one picked from it.
 */
export function VolunteersSetup({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const { accessToken, hotlineId, roles } = context;
  const [filter, setFilter] = useState<VolunteerFilter>(NO_FILTER);
  const [typed, setTyped] = useState('');
  const editor = useEditor<VolunteerView>();
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(
      () =>
        setFilter((current) => (current.q === typed ? current : { ...current, q: typed, page: 0 })),
      SEARCH_PAUSE_MS,
    );
    return () => window.clearTimeout(timer);
  }, [typed]);

  const list = useLoad(
    (signal) => loadVolunteers(accessToken, filter, hotlineId, signal),
    [accessToken, hotlineId, filter],
  );

  const closeEditor = (name?: string) => {
    editor.close();
    if (name) {
      setSaved(name);
      list.reload();
    }
  };

  return (
    <div className="setup-volunteers">
      <ListHead
        heading={t('setup.volunteers.heading')}
        add={t('setup.volunteers.add')}
        editor={editor}
        onAdd={() => setSaved(null)}
      />
      <p className="setup__status" role="status">
        {saved ? t('setup.volunteers.saved', { name: saved }) : ''}
      </p>

      {editor.isOpen && (
        <VolunteerEditor
          key={editor.key}
          context={context}
          editing={editor.record}
          onDone={closeEditor}
        />
      )}

      <form
        className="setup__filters"
        role="search"
        aria-label={t('setup.volunteers.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label htmlFor="setup-volunteer-q">{t('setup.volunteers.search')}</label>
          <input
            id="setup-volunteer-q"
            type="search"
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="setup-volunteer-role">{t('setup.volunteers.role')}</label>
          <select
            id="setup-volunteer-role"
            value={filter.role}
            onChange={(event) =>
              setFilter({ ...filter, role: event.target.value as Role | '', page: 0 })
            }
          >
            <option value="">{t('setup.volunteers.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`setup.role.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="setup-volunteer-active">{t('setup.volunteers.status')}</label>
          <select
            id="setup-volunteer-active"
            value={filter.active}
            onChange={(event) =>
              setFilter({
                ...filter,
                active: event.target.value as VolunteerFilter['active'],
                page: 0,
              })
            }
          >
            <option value="true">{t('setup.volunteers.activeOnly')}</option>
            <option value="false">{t('setup.volunteers.deactivatedOnly')}</option>
            <option value="">{t('setup.volunteers.everyone')}</option>
          </select>
        </div>
      </form>

      <Loaded load={list}>
        {(page) => (
          <>
            <div className="table-scroll">
              <table
                className="table setup__table"
                data-total={page.total}
                aria-busy={list.loading}
              >
                <caption>
                  {page.total === 0
                    ? t('setup.volunteers.none')
                    : t('setup.volunteers.shown', {
                        from: page.offset + 1,
                        to: page.offset + page.items.length,
                        total: page.total,
                      })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('setup.volunteers.name')}</th>
                    <th scope="col">{t('setup.volunteers.email')}</th>
                    <th scope="col">{t('setup.volunteers.roles')}</th>
                    <th scope="col">{t('setup.volunteers.expertKind')}</th>
                    <th scope="col">{t('setup.volunteers.answerBy')}</th>
                    <th scope="col">{t('setup.volunteers.status')}</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((person) => (
                    <tr key={person.id} data-volunteer-row={person.id}>
                      <th scope="row">{person.name}</th>
                      <td>{person.email}</td>
                      <td>{person.roles.map((role) => t(`setup.role.${role}`)).join('、')}</td>
                      <td>{t(`setup.expertKind.${person.expertKind}`)}</td>
                      <td>{t(`setup.answerBy.${person.answerBy}`)}</td>
                      <td>{t(person.active ? 'setup.active' : 'setup.deactivated')}</td>
                      <td>
                        {mayManage(roles, person) && (
                          <EditButton
                            name={person.name}
                            onClick={() => {
                              setSaved(null);
                              editor.open(person);
                            }}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {page.total > VOLUNTEER_PAGE_SIZE && (
              <div className="setup__pager" role="group" aria-label={t('setup.volunteers.pages')}>
                <button
                  type="button"
                  className="button button--small"
                  disabled={filter.page === 0}
                  onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
                >
                  {t('setup.volunteers.previous')}
                </button>
                <span>
                  {t('setup.volunteers.page', {
                    page: filter.page + 1,
                    pages: Math.ceil(page.total / VOLUNTEER_PAGE_SIZE),
                  })}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={page.offset + page.items.length >= page.total}
                  onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
                >
                  {t('setup.volunteers.next')}
                </button>
              </div>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

/** A new person's profile, or an existing one's; deactivating and a new password for them. */
function VolunteerEditor({
  context,
  editing,
  onDone,
}: {
  context: SetupContext;
  editing: VolunteerView | null;
  onDone: (savedName?: string) => void;
}) {
  const { t, topics, locale } = useI18n();
  const { accessToken, hotlineId, roles } = context;
  const [form, setForm] = useState<VolunteerForm>(() => volunteerForm(editing, hotlineId));
  const sending = useSending();
  const hotlines = useLoad((signal) => loadHotlines(accessToken, signal), [accessToken]);
  const hotlineList = hotlines.data?.ok ? hotlines.data.value : [];
  const grantable = grantableRoles(roles);
  const set = <K extends keyof VolunteerForm>(key: K, value: VolunteerForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = volunteerBody(form, editing);
    if (editing && Object.keys(body).length === 0) return onDone();
    void sending.send(
      () => saveVolunteer(accessToken, editing?.id ?? null, body),
      (saved) => onDone(saved.name),
    );
  };
  const setActive = (active: boolean) =>
    void sending.send(
      () => saveVolunteer(accessToken, editing!.id, { active }),
      (saved) => onDone(saved.name),
    );

  return (
    <EditorCard
      heading={
        editing
          ? t('setup.volunteers.editHeading', { name: editing.name })
          : t('setup.volunteers.newHeading')
      }
    >
      <form noValidate onSubmit={submit}>
        <div className="setup__fields">
          <InputField
            label={t('setup.volunteers.name')}
            path="name"
            sending={sending}
            value={form.name}
            autoComplete="off"
            onValue={(value) => set('name', value)}
          />
          <InputField
            label={t('setup.volunteers.email')}
            path="email"
            type="email"
            sending={sending}
            value={form.email}
            autoComplete="off"
            onValue={(value) => set('email', value)}
          />
          {!editing && (
            <InputField
              label={t('setup.volunteers.password')}
              path="password"
              type="password"
              sending={sending}
              value={form.password}
              autoComplete="new-password"
              hint={t('setup.volunteers.passwordHint')}
              onValue={(value) => set('password', value)}
            />
          )}
          <InputField
            label={t('setup.volunteers.phone')}
            path="phone"
            type="tel"
            sending={sending}
            value={form.phone}
            autoComplete="off"
            placeholder="+8613800138000"
            hint={
              editing?.hasPhone ? t('setup.volunteers.phoneKept') : t('setup.volunteers.phoneHint')
            }
            disabled={form.removePhone}
            onValue={(value) => set('phone', value)}
          />
          {editing?.hasPhone && (
            <label className="checkbox setup__field">
              <input
                type="checkbox"
                checked={form.removePhone}
                onChange={(event) => set('removePhone', event.target.checked)}
              />
              {t('setup.volunteers.removePhone')}
            </label>
          )}
          <SelectField
            label={t('setup.volunteers.expertKind')}
            path="expertKind"
            sending={sending}
            value={form.expertKind}
            onValue={(value) => set('expertKind', value as VolunteerForm['expertKind'])}
          >
            {EXPERT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`setup.expertKind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('setup.volunteers.answerBy')}
            path="answerBy"
            sending={sending}
            value={form.answerBy}
            onValue={(value) => set('answerBy', value as VolunteerForm['answerBy'])}
          >
            {ANSWER_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t(`setup.answerBy.${channel}`)}
              </option>
            ))}
          </SelectField>
          <InputField
            label={t('setup.volunteers.languages')}
            path="languages"
            sending={sending}
            value={form.languages}
            hint={t('setup.volunteers.languagesHint')}
            onValue={(value) => set('languages', value)}
          />
          <InputField
            label={t('setup.volunteers.softphone')}
            path="softphoneIdentity"
            sending={sending}
            value={form.softphoneIdentity}
            hint={t('setup.volunteers.softphoneHint')}
            onValue={(value) => set('softphoneIdentity', value)}
          />
        </div>
        <CheckboxGroup
          legend={t('setup.volunteers.roles')}
          path="roles"
          sending={sending}
          // Only the roles this person may give (the server refuses the others too).
          options={grantable}
          chosen={form.roles}
          label={(role) => t(`setup.role.${role}`)}
          onChosen={(chosen) => set('roles', chosen)}
        />
        <CheckboxGroup
          legend={t('setup.volunteers.skills')}
          path="topicSkills"
          sending={sending}
          options={topics.map((topic) => topic.key)}
          chosen={form.topicSkills}
          label={(key) => topics.find((topic) => topic.key === key)?.label[locale] ?? key}
          onChosen={(chosen) =>
            // Sub-topic skills given through the API stay as they are.
            set('topicSkills', [
              ...form.topicSkills.filter((key) => !topics.some((topic) => topic.key === key)),
              ...chosen,
            ])
          }
        />
        {hotlineList.length > 1 && (
          <CheckboxGroup
            legend={t('setup.volunteers.hotlines')}
            path="hotlineIds"
            sending={sending}
            options={hotlineList.map((hotline) => hotline.id)}
            chosen={form.hotlineIds}
            label={(id) => hotlineList.find((hotline) => hotline.id === id)?.name ?? id}
            onChosen={(chosen) => set('hotlineIds', chosen)}
          />
        )}
        <FormEnd
          sending={sending}
          submit={editing ? t('setup.save') : t('setup.volunteers.create')}
          onCancel={() => onDone()}
        >
          {editing && (
            <button
              type="button"
              className="button"
              disabled={sending.busy}
              onClick={() => setActive(!editing.active)}
            >
              {t(editing.active ? 'setup.volunteers.deactivate' : 'setup.volunteers.reactivate')}
            </button>
          )}
        </FormEnd>
      </form>
      {editing && <PasswordReset context={context} volunteer={editing} />}
    </EditorCard>
  );
}

/** A new password for someone who forgot theirs; every session of theirs ends. */
function PasswordReset({
  context,
  volunteer,
}: {
  context: SetupContext;
  volunteer: VolunteerView;
}) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const sending = useSending();
  return (
    <form
      className="setup__reset"
      noValidate
      aria-label={t('setup.volunteers.resetHeading')}
      onSubmit={(event) => {
        event.preventDefault();
        void sending.send(
          () => resetPassword(context.accessToken, volunteer.id, password),
          () => setPassword(''),
        );
      }}
    >
      <h4>{t('setup.volunteers.resetHeading')}</h4>
      <InputField
        label={t('setup.volunteers.newPassword')}
        path="password"
        type="password"
        autoComplete="new-password"
        sending={sending}
        value={password}
        hint={t('setup.volunteers.resetHint')}
        onValue={setPassword}
      />
      <FormEnd
        sending={sending}
        submit={t('setup.volunteers.reset')}
        savedText={t('setup.volunteers.resetDone')}
        primary={false}
      />
    </form>
  );
}
