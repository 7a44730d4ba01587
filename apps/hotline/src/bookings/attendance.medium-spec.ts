import { DateTime } from 'luxon';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { Contact } from '../contacts/contact.entity';
import { FaceToFaceRecords } from '../contacts/face-to-face-records';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { HotlinesService } from '../hotlines/hotlines.service';
import { InstancesModule } from '../instances/instances.module';
import { RollupsModule } from '../statistics/stats-rollups';
import { TelephonyModule } from '../telephony/telephony.module';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Attendance } from './attendance';
import { Booking } from './booking.entity';
import { FAMILY_PARTS } from './bookings.module';
import { Desk } from './desk';
import { FamilyBookings } from './family-bookings';
import { familyOf } from './family';
import { addPerson, nineOn, openCentre } from './guidance-centre.testing';

describe('Attendance (service on a real database)', () => {
  let test: ServiceTest;
  let attendance: Attendance;
  let hotlineId: string;
  let expert: Volunteer;
  let day = DateTime.fromISO('2026-03-03');
  let booking: Booking;

  const contacts = () => test.repository(Contact).findBy({ hotlineId });

  beforeAll(async () => {
    test = await serviceTest(
      [
        ...FAMILY_PARTS,
        Desk,
        Attendance,
        FaceToFaceRecords,
        HotlinesService,
        HotlineDirectory,
        AuditService,
      ],
      { imports: [RollupsModule, InstancesModule, TelephonyModule] },
    );
    attendance = test.get(Attendance);
    ({ hotlineId, expert } = await openCentre(test));
  });
  afterAll(() => test.close());

  /** A session on a day of its own, booked ahead; the clock then stands at its start. */
  beforeEach(async () => {
    await test.repository(Contact).delete({ hotlineId });
    test.clock.set('2026-03-02T10:00:00Z');
    day = day.plus({ days: 1 });
    const family = familyOf(
      {
        topic: 'learning',
        parentName: 'Parent',
        childAgeBand: '6_11',
        childGrade: null,
        language: 'zh-CN',
      },
      '13812345678',
    );
    const booked = await test
      .get(FamilyBookings)
      .book(hotlineId, nineOn(day.toISODate()!), family, {});
    booking = await test.repository(Booking).findOneByOrFail({ reference: booked.reference });
    test.clock.set(booking.startsAt.toISOString());
  });

  it('opens a face-to-face record, not yet categorised, for the expert of a family that came', async () => {
    const view = await attendance.mark(expert, booking.id, true);
    const [record] = await contacts();
    expect(view).toMatchObject({ status: 'attended', contactId: record.id });
    expect(record).toMatchObject({
      channel: 'face_to_face',
      volunteerId: expert.id,
      recordedBy: expert.id,
      occurredAt: booking.startsAt,
      durationMinutes: 50,
      callerType: 'parent',
      ageBand: '6_11',
      primaryTopic: null,
      callerHash: booking.phoneHash,
    });
  });

  it('opens no record for a no-show', async () => {
    expect(await attendance.mark(expert, booking.id, false)).toMatchObject({ status: 'no_show' });
    expect(await contacts()).toEqual([]);
  });

  it('corrects a no-show to attended, with its record', async () => {
    await attendance.mark(expert, booking.id, false);
    expect(await attendance.mark(expert, booking.id, true)).toMatchObject({ status: 'attended' });
    expect(await contacts()).toHaveLength(1);
  });

  it('opens one record however often a family is marked as having come', async () => {
    await attendance.mark(expert, booking.id, true);
    await attendance.mark(expert, booking.id, true);
    expect(await contacts()).toHaveLength(1);
  });

  it('refuses to make a family that came a no-show', async () => {
    await attendance.mark(expert, booking.id, true);
    await expect(attendance.mark(expert, booking.id, false)).rejects.toThrow(
      'This booking is attended; attendance cannot be marked.',
    );
  });

  it('refuses before the session has started', async () => {
    test.clock.advance({ minutes: -1 });
    await expect(attendance.mark(expert, booking.id, true)).rejects.toThrow(
      'The session has not started yet.',
    );
  });

  it('shows a volunteer nobody else’s session', async () => {
    const other = await addPerson(test, hotlineId, 'Another volunteer');
    await expect(attendance.mark(other, booking.id, true)).rejects.toThrow('that you may see');
  });

  it('lets a coordinator of the hotline mark any session, but not one of another hotline', async () => {
    const coordinator = await addPerson(test, hotlineId, 'Coordinator', ['coordinator']);
    const elsewhere = await addPerson(test, (await openCentre(test)).hotlineId, 'Elsewhere', [
      'coordinator',
    ]);
    await expect(attendance.mark(elsewhere, booking.id, true)).rejects.toThrow('that you may see');
    expect(await attendance.mark(coordinator, booking.id, true)).toMatchObject({
      status: 'attended',
    });
  });
});
