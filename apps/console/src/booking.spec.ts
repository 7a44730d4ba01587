import {
  type FreeSlot,
  type PanelForm,
  type StaffBooking,
  alternativesOf,
  callToBookFor,
  canRecordAttendance,
  dayOrder,
  panelProblems,
  panelRange,
  seesBookingsDay,
  shiftDate,
  slotsByDay,
  staffBookingBody,
} from './booking';

const slot = (start: string, localDate: string, localTime: string): FreeSlot => ({
  start,
  end: start,
  localDate,
  localTime,
});

const form = (changes: Partial<PanelForm> = {}): PanelForm => ({
  topic: 'learning',
  start: '2026-11-25T06:00:00.000Z',
  parentName: ' 王女士 ',
  child: 'age:12_14',
  language: 'zh-CN',
  consent: true,
  ...changes,
});

const booking = (changes: Partial<StaffBooking>): StaffBooking => ({
  id: 'b1',
  reference: 'HB-1',
  status: 'booked',
  topic: 'learning',
  expertName: 'Dr Li',
  roomName: 'Room 1',
  parentName: '王女士',
  childAgeBand: '12_14',
  childGrade: null,
  language: 'zh-CN',
  hasPhone: true,
  start: '2026-11-25T06:00:00.000Z',
  end: '2026-11-25T06:50:00.000Z',
  localDate: '2026-11-25',
  localTime: '14:00',
  ...changes,
});

describe('booking a session from the console', () => {
  it('books for the call being talked on, or the one being wrapped up, never between calls', () => {
    expect(callToBookFor({ state: 'talking', callId: 'c1' })).toBe('c1');
    expect(callToBookFor({ state: 'wrap_up', wrapUpCallId: 'c2', callId: undefined })).toBe('c2');
    expect(callToBookFor({ state: 'available', callId: 'c1' })).toBeNull();
    expect(callToBookFor({ state: 'offered', callId: 'c1' })).toBeNull();
  });

  it('offers two weeks from the hotline’s today, within its horizon', () => {
    expect(panelRange('2026-11-23', 30)).toEqual({ from: '2026-11-23', to: '2026-12-06' });
    expect(panelRange('2026-12-30', 3)).toEqual({ from: '2026-12-30', to: '2027-01-01' });
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('groups free times by day, each start once', () => {
    const days = slotsByDay([
      slot('2026-11-25T07:00:00.000Z', '2026-11-25', '15:00'),
      slot('2026-11-24T06:00:00.000Z', '2026-11-24', '14:00'),
      slot('2026-11-25T07:00:00.000Z', '2026-11-25', '15:00'),
    ]);
    expect(days.map((day) => [day.date, day.slots.length])).toEqual([
      ['2026-11-24', 1],
      ['2026-11-25', 1],
    ]);
  });

  it('says what is missing, and posts the call instead of a phone number', () => {
    expect(panelProblems(form({ topic: '', start: '', parentName: ' ', consent: false }))).toEqual([
      'topic',
      'start',
      'parentName',
      'consent',
    ]);
    expect(panelProblems(form())).toEqual([]);
    const body = staffBookingBody(form(), 'call-1');
    expect(body).toEqual({
      callId: 'call-1',
      start: '2026-11-25T06:00:00.000Z',
      topic: 'learning',
      parentName: '王女士',
      childAgeBand: '12_14',
      consent: true,
      language: 'zh-CN',
    });
    expect(body).not.toHaveProperty('phone');
    expect(staffBookingBody(form({ child: 'grade:junior_2' }), 'c')).toMatchObject({
      childGrade: 'junior_2',
    });
  });

  it('reads the alternatives of a 409', () => {
    const free = slot('2026-11-25T08:00:00.000Z', '2026-11-25', '16:00');
    expect(alternativesOf({ statusCode: 409, alternatives: [free, { start: 3 }] })).toEqual([free]);
    expect(alternativesOf(null)).toEqual([]);
  });
});

describe('the day’s bookings', () => {
  it('is for supervisors, coordinators and admins', () => {
    expect(seesBookingsDay(['volunteer'])).toBe(false);
    expect(seesBookingsDay(['volunteer', 'coordinator'])).toBe(true);
  });

  it('orders by time, a family to phone first among a time', () => {
    const ordered = dayOrder([
      booking({ id: 'late', start: '2026-11-25T08:00:00.000Z', reference: 'A' }),
      booking({ id: 'plain', reference: 'A' }),
      booking({ id: 'call', reference: 'B', needsCall: true }),
    ]);
    expect(ordered.map((one) => one.id)).toEqual(['call', 'plain', 'late']);
  });

  it('records attendance for booked sessions and no-shows, not cancelled or held ones', () => {
    expect(canRecordAttendance(booking({ status: 'booked' }))).toBe(true);
    expect(canRecordAttendance(booking({ status: 'no_show' }))).toBe(true);
    expect(canRecordAttendance(booking({ status: 'attended' }))).toBe(false);
    expect(canRecordAttendance(booking({ status: 'cancelled' }))).toBe(false);
    expect(canRecordAttendance(booking({ status: 'held' }))).toBe(false);
  });
});
