import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ServiceTest } from '../../../../test/support/service-module';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Role, Volunteer } from '../volunteers/volunteer.entity';
import { ExpertAvailability, Room } from './booking.entity';

/** The zone of the centre the service specs book at. */
export const CENTRE_ZONE = 'Asia/Shanghai';

/** Someone working for the hotline, as the signed-in actor of a service call. */
export async function addPerson(
  test: ServiceTest,
  hotlineId: string,
  name: string,
  roles: Role[] = ['volunteer'],
): Promise<Volunteer> {
  const now = test.clock.now().toJSDate();
  const person = Object.assign(new Volunteer(), {
    id: randomUUID(),
    name,
    email: `${randomUUID()}@example.org`,
    passwordHash: 'x',
    phoneEncrypted: null,
    expertKind: 'psychologist',
    topicSkills: [],
    languages: ['zh-CN'],
    roles,
    softphoneIdentity: randomUUID(),
    answerBy: 'browser',
    active: true,
    hotlines: [{ id: hotlineId }],
    calendarFeedTokenHash: null,
    createdAt: now,
    updatedAt: now,
    deactivatedAt: null,
  });
  return test.repository(Volunteer).save(person);
}

/**
 * A hotline whose guidance centre has one room and one expert who sees families every day
 * from 09:00 to 10:00: one session a day, so each test can have a day of its own.
 */
export async function openCentre(
  test: ServiceTest,
): Promise<{ hotlineId: string; expert: Volunteer }> {
  const now = test.clock.now().toJSDate();
  const hotlineId = (await test.get(HotlinesService).create({ name: 'City line' }, CENTRE_ZONE)).id;
  const expert = await addPerson(test, hotlineId, 'Expert');
  await test.repository(Room).insert({
    id: randomUUID(),
    hotlineId,
    name: 'Room 1',
    active: true,
    createdAt: now,
    updatedAt: now,
  });
  for (let weekday = 1; weekday <= 7; weekday++)
    await test.repository(ExpertAvailability).insert({
      id: randomUUID(),
      hotlineId,
      volunteerId: expert.id,
      weekday,
      startTime: '09:00',
      endTime: '10:00',
      createdAt: now,
    });
  return { hotlineId, expert };
}

/** The instant of the day's session, 09:00 at the centre. */
export const nineOn = (day: string) =>
  DateTime.fromISO(`${day}T09:00`, { zone: CENTRE_ZONE }).toUTC().toISO()!;
