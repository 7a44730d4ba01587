import { type FormEvent, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import {
  type AvailabilityView,
  LONGEST_LIST,
  type RoomView,
  type VolunteerFilter,
  addAvailability,
  loadAvailability,
  loadRooms,
  loadVolunteers,
  removeAvailability,
  saveRoom,
} from '../../setup';
import { useLoad } from '../../use-load';
import type { SetupContext } from './SetupView';
import {
  ActionsHeader,
  FormEnd,
  InputField,
  Loaded,
  RowButton,
  SelectField,
  SendingStatus,
  TimeFields,
  useSending,
} from './SetupParts';

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** Experts offered in the availability forms: the hotline's active people, the first 200 by name. */
const EXPERT_LIST: VolunteerFilter = { q: '', role: '', active: 'true', page: 0 };

/** The guidance centre's rooms, and when each expert sees families there. */
export function RoomsSetup({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  return (
    <div className="setup-rooms">
      <h3>{t('setup.rooms.heading')}</h3>
      <Rooms context={context} />
      <Availability context={context} />
    </div>
  );
}

function Rooms({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const rooms = useLoad(
    (signal) => loadRooms(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  const [name, setName] = useState('');
  const adding = useSending();
  const changing = useSending();
  return (
    <section className="card" aria-labelledby="setup-rooms-heading">
      <h4 id="setup-rooms-heading">{t('setup.rooms.rooms')}</h4>
      <Loaded load={rooms}>
        {(list) =>
          list.length === 0 ? (
            <p data-empty="true">{t('setup.rooms.none')}</p>
          ) : (
            <ul className="setup__list">
              {list.map((room) => (
                <li key={room.id} data-room={room.id}>
                  <RoomRow
                    context={context}
                    room={room}
                    onChanged={rooms.reload}
                    sending={changing}
                  />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <SendingStatus sending={changing} />
      <form
        className="setup__inline"
        noValidate
        aria-label={t('setup.rooms.add')}
        onSubmit={(event) => {
          event.preventDefault();
          void adding.send(
            () => saveRoom(context.accessToken, null, { name, hotlineId: context.hotlineId }),
            () => {
              setName('');
              rooms.reload();
            },
          );
        }}
      >
        <InputField
          label={t('setup.rooms.newName')}
          path="name"
          sending={adding}
          value={name}
          onValue={setName}
        />
        <FormEnd sending={adding} submit={t('setup.rooms.add')} primary={false} />
      </form>
    </section>
  );
}

function RoomRow({
  context,
  room,
  onChanged,
  sending,
}: {
  context: SetupContext;
  room: RoomView;
  onChanged: () => void;
  sending: ReturnType<typeof useSending>;
}) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(room.name);
  const change = (body: Record<string, unknown>) =>
    void sending.send(() => saveRoom(context.accessToken, room.id, body), onChanged);
  return (
    <div className="setup__inline">
      <label htmlFor={`${id}name`} className="visually-hidden">
        {t('setup.rooms.name', { name: room.name })}
      </label>
      <input id={`${id}name`} value={name} onChange={(event) => setName(event.target.value)} />
      <RowButton
        label={t('setup.rooms.rename')}
        what={room.name}
        disabled={sending.busy || name === room.name}
        onClick={() => change({ name })}
      />
      <span className="hint">{t(room.active ? 'setup.rooms.inUse' : 'setup.rooms.outOfUse')}</span>
      <RowButton
        label={t(room.active ? 'setup.rooms.takeOut' : 'setup.rooms.putBack')}
        what={room.name}
        disabled={sending.busy}
        onClick={() => change({ active: !room.active })}
      />
    </div>
  );
}

/** Experts' weekly windows at the centre, and dated changes (a day off, the centre closed). */
function Availability({ context }: { context: SetupContext }) {
  const { t } = useI18n();
  const availability = useLoad(
    (signal) => loadAvailability(context.accessToken, context.hotlineId, signal),
    [context.accessToken, context.hotlineId],
  );
  const experts = useLoad(
    (signal) =>
      loadVolunteers(context.accessToken, EXPERT_LIST, context.hotlineId, signal, LONGEST_LIST),
    [context.accessToken, context.hotlineId],
  );
  const people = useMemo(() => (experts.data?.ok ? experts.data.value.items : []), [experts.data]);
  const nameOf = (id: string | null) =>
    id === null ? t('setup.rooms.wholeCentre') : (people.find((p) => p.id === id)?.name ?? id);
  const removing = useSending();
  const remove = (kind: 'weekly' | 'dated', id: string) =>
    void removing.send(
      () => removeAvailability(context.accessToken, kind, id),
      availability.reload,
    );

  return (
    <section className="card" aria-labelledby="setup-availability-heading">
      <h4 id="setup-availability-heading">{t('setup.rooms.availability')}</h4>
      <p className="hint">{t('setup.rooms.availabilityHint')}</p>
      <SendingStatus sending={removing} />
      <Loaded load={availability}>
        {(view: AvailabilityView) => (
          <>
            <table className="table setup__table">
              <caption>{t('setup.rooms.weekly')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('setup.rooms.expert')}</th>
                  <th scope="col">{t('setup.rooms.weekday')}</th>
                  <th scope="col">{t('setup.shifts.time')}</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {view.weekly.map((window) => (
                  <tr key={window.id} data-window={window.id}>
                    <th scope="row">{nameOf(window.volunteerId)}</th>
                    <td>{t(`setup.weekdayLong.${window.weekday}` as 'setup.weekdayLong.1')}</td>
                    <td>
                      {window.startTime}–{window.endTime}
                    </td>
                    <td>
                      <RowButton
                        label={t('setup.remove')}
                        what={`${nameOf(window.volunteerId)} ${window.startTime}`}
                        disabled={removing.busy}
                        onClick={() => remove('weekly', window.id)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table setup__table">
              <caption>{t('setup.rooms.dated')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('setup.rooms.expert')}</th>
                  <th scope="col">{t('setup.rooms.date')}</th>
                  <th scope="col">{t('setup.shifts.time')}</th>
                  <th scope="col">{t('setup.rooms.reason')}</th>
                  <ActionsHeader />
                </tr>
              </thead>
              <tbody>
                {view.dates.map((change) => (
                  <tr key={change.id} data-dated={change.id}>
                    <th scope="row">{nameOf(change.volunteerId)}</th>
                    <td>{change.date}</td>
                    <td>
                      {change.startTime
                        ? `${change.startTime}–${change.endTime}`
                        : t('setup.rooms.dayOff')}
                    </td>
                    <td>{change.reason ?? ''}</td>
                    <td>
                      <RowButton
                        label={t('setup.remove')}
                        what={`${nameOf(change.volunteerId)} ${change.date}`}
                        disabled={removing.busy}
                        onClick={() => remove('dated', change.id)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Loaded>
      <AvailabilityForm
        kind="weekly"
        context={context}
        people={people}
        onAdded={availability.reload}
      />
      <AvailabilityForm
        kind="dated"
        context={context}
        people={people}
        onAdded={availability.reload}
      />
    </section>
  );
}

type People = { id: string; name: string }[];

/**
 * Adds an expert's weekly hours (`weekly`), or a change on a date (`dated`): their hours that
 * day, their day off, or the whole centre closed.
 */
function AvailabilityForm({
  kind,
  context,
  people,
  onAdded,
}: {
  kind: 'weekly' | 'dated';
  context: SetupContext;
  people: People;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const weekly = kind === 'weekly';
  const [volunteerId, setVolunteerId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [date, setDate] = useState('');
  const [startTime, setStart] = useState(weekly ? '14:00' : '');
  const [endTime, setEnd] = useState(weekly ? '17:00' : '');
  const [reason, setReason] = useState('');
  const sending = useSending();
  // Weekly hours are always someone's: the first person until another is picked.
  const expert = weekly ? volunteerId || people[0]?.id || '' : volunteerId;
  const title = t(weekly ? 'setup.rooms.addWeekly' : 'setup.rooms.addDated');
  const headingId = `setup-${kind}-heading`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = weekly
      ? { volunteerId: expert, weekday: Number(weekday), startTime, endTime }
      : {
          ...(expert ? { volunteerId: expert } : {}),
          date,
          ...(startTime || endTime ? { startTime, endTime } : {}),
          ...(reason.trim() ? { reason } : {}),
        };
    void sending.send(
      () => addAvailability(context.accessToken, kind, { ...body, hotlineId: context.hotlineId }),
      onAdded,
    );
  };
  return (
    <form className="setup__subform" noValidate aria-labelledby={headingId} onSubmit={submit}>
      <h5 id={headingId}>{title}</h5>
      {!weekly && <p className="hint">{t('setup.rooms.datedHint')}</p>}
      <div className="setup__fields">
        <SelectField
          label={t('setup.rooms.expert')}
          path="volunteerId"
          sending={sending}
          value={expert}
          onValue={setVolunteerId}
        >
          {!weekly && <option value="">{t('setup.rooms.wholeCentre')}</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        {weekly ? (
          <SelectField
            label={t('setup.rooms.weekday')}
            path="weekday"
            sending={sending}
            value={weekday}
            onValue={setWeekday}
          >
            {ISO_WEEKDAYS.map((day) => (
              <option key={day} value={day}>
                {t(`setup.weekdayLong.${day}` as 'setup.weekdayLong.1')}
              </option>
            ))}
          </SelectField>
        ) : (
          <InputField
            label={t('setup.rooms.date')}
            path="date"
            type="date"
            sending={sending}
            value={date}
            onValue={setDate}
          />
        )}
        <TimeFields
          sending={sending}
          start={startTime}
          end={endTime}
          onStart={setStart}
          onEnd={setEnd}
        />
        {!weekly && (
          <InputField
            label={t('setup.rooms.reason')}
            path="reason"
            sending={sending}
            value={reason}
            onValue={setReason}
          />
        )}
      </div>
      <FormEnd sending={sending} submit={title} primary={false} />
    </form>
  );
}
