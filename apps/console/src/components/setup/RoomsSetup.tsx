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
import { InputField, Loaded, SelectField, SendingStatus, useSending } from './SetupParts';

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
        <button type="submit" className="button" disabled={adding.busy}>
          {t('setup.rooms.add')}
        </button>
        <SendingStatus sending={adding} />
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
      <button
        type="button"
        className="button button--small"
        disabled={sending.busy || name === room.name}
        onClick={() => change({ name })}
      >
        {t('setup.rooms.rename')}
        <span className="visually-hidden"> {room.name}</span>
      </button>
      <span className="hint">{t(room.active ? 'setup.rooms.inUse' : 'setup.rooms.outOfUse')}</span>
      <button
        type="button"
        className="button button--small"
        disabled={sending.busy}
        onClick={() => change({ active: !room.active })}
      >
        {t(room.active ? 'setup.rooms.takeOut' : 'setup.rooms.putBack')}
        <span className="visually-hidden"> {room.name}</span>
      </button>
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
                  <th scope="col">
                    <span className="visually-hidden">{t('setup.actions')}</span>
                  </th>
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
                      <button
                        type="button"
                        className="button button--small"
                        disabled={removing.busy}
                        onClick={() => remove('weekly', window.id)}
                      >
                        {t('setup.remove')}
                        <span className="visually-hidden">
                          {' '}
                          {nameOf(window.volunteerId)} {window.startTime}
                        </span>
                      </button>
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
                  <th scope="col">
                    <span className="visually-hidden">{t('setup.actions')}</span>
                  </th>
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
                      <button
                        type="button"
                        className="button button--small"
                        disabled={removing.busy}
                        onClick={() => remove('dated', change.id)}
                      >
                        {t('setup.remove')}
                        <span className="visually-hidden">
                          {' '}
                          {nameOf(change.volunteerId)} {change.date}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Loaded>
      <WeeklyForm context={context} people={people} onAdded={availability.reload} />
      <DatedForm context={context} people={people} onAdded={availability.reload} />
    </section>
  );
}

type People = { id: string; name: string }[];

function WeeklyForm({
  context,
  people,
  onAdded,
}: {
  context: SetupContext;
  people: People;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [volunteerId, setVolunteerId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [startTime, setStart] = useState('14:00');
  const [endTime, setEnd] = useState('17:00');
  const sending = useSending();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(
      () =>
        addAvailability(context.accessToken, 'weekly', {
          volunteerId: volunteerId || people[0]?.id,
          weekday: Number(weekday),
          startTime,
          endTime,
          hotlineId: context.hotlineId,
        }),
      onAdded,
    );
  };
  return (
    <form
      className="setup__subform"
      noValidate
      aria-labelledby="setup-weekly-heading"
      onSubmit={submit}
    >
      <h5 id="setup-weekly-heading">{t('setup.rooms.addWeekly')}</h5>
      <div className="setup__fields">
        <SelectField
          label={t('setup.rooms.expert')}
          path="volunteerId"
          sending={sending}
          value={volunteerId || people[0]?.id || ''}
          onValue={setVolunteerId}
        >
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
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
        <InputField
          label={t('setup.shifts.start')}
          path="startTime"
          type="time"
          sending={sending}
          value={startTime}
          onValue={setStart}
        />
        <InputField
          label={t('setup.shifts.end')}
          path="endTime"
          type="time"
          sending={sending}
          value={endTime}
          onValue={setEnd}
        />
      </div>
      <SendingStatus sending={sending} />
      <button type="submit" className="button" disabled={sending.busy}>
        {t('setup.rooms.addWeekly')}
      </button>
    </form>
  );
}

function DatedForm({
  context,
  people,
  onAdded,
}: {
  context: SetupContext;
  people: People;
  onAdded: () => void;
}) {
  const { t } = useI18n();
  const [volunteerId, setVolunteerId] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStart] = useState('');
  const [endTime, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const sending = useSending();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sending.send(
      () =>
        addAvailability(context.accessToken, 'dated', {
          ...(volunteerId ? { volunteerId } : {}),
          date,
          ...(startTime || endTime ? { startTime, endTime } : {}),
          ...(reason.trim() ? { reason } : {}),
          hotlineId: context.hotlineId,
        }),
      onAdded,
    );
  };
  return (
    <form
      className="setup__subform"
      noValidate
      aria-labelledby="setup-dated-heading"
      onSubmit={submit}
    >
      <h5 id="setup-dated-heading">{t('setup.rooms.addDated')}</h5>
      <p className="hint">{t('setup.rooms.datedHint')}</p>
      <div className="setup__fields">
        <SelectField
          label={t('setup.rooms.expert')}
          path="volunteerId"
          sending={sending}
          value={volunteerId}
          onValue={setVolunteerId}
        >
          <option value="">{t('setup.rooms.wholeCentre')}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <InputField
          label={t('setup.rooms.date')}
          path="date"
          type="date"
          sending={sending}
          value={date}
          onValue={setDate}
        />
        <InputField
          label={t('setup.shifts.start')}
          path="startTime"
          type="time"
          sending={sending}
          value={startTime}
          onValue={setStart}
        />
        <InputField
          label={t('setup.shifts.end')}
          path="endTime"
          type="time"
          sending={sending}
          value={endTime}
          onValue={setEnd}
        />
        <InputField
          label={t('setup.rooms.reason')}
          path="reason"
          sending={sending}
          value={reason}
          onValue={setReason}
        />
      </div>
      <SendingStatus sending={sending} />
      <button type="submit" className="button" disabled={sending.busy}>
        {t('setup.rooms.addDated')}
      </button>
    </form>
  );
}
