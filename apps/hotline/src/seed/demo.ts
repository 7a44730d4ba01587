import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { getRepositoryToken } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppModule } from '../app.module';
import { BookingSetupService } from '../bookings/booking-setup.service';
import { ConfigurationError } from '../config/environment';
import { PasswordHasher } from '../common/password-hasher';
import { CreateVolunteerDto } from '../volunteers/dto/volunteer.dto';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { PartnersService } from '../crisis/partners.service';
import { ShiftsService } from '../shifts/shifts.service';
import { SYSTEM_ACTOR, Volunteer } from '../volunteers/volunteer.entity';
import { VolunteersService } from '../volunteers/volunteers.service';

const DEMO_HOTLINE = '示范市未成年人心理健康热线（演示）';

type DemoPerson = Omit<CreateVolunteerDto, 'password' | 'hotlineIds'>;

/** Where the demo hotline refers crises: three hospitals, as a city's partner list would hold. */
const PARTNER_HOSPITALS = [
  {
    name: '示范市第七人民医院（精神卫生中心）',
    phone: '0571-85126525',
    address: '西湖区天目山路305号',
  },
  { name: '示范市儿童医院心理科', phone: '0571-86670000', address: '上城区竹竿巷57号' },
  { name: '示范市第一人民医院心身医学科', phone: '0571-56000000', address: '上城区浣纱路261号' },
];

/** One person of every role, and volunteers whose skills cover the menu's topics. */
const PEOPLE: DemoPerson[] = [
  { name: '管理员', email: 'admin@hotline.demo', expertKind: 'counsellor', roles: ['admin'] },
  {
    name: '周协调',
    email: 'coordinator@hotline.demo',
    expertKind: 'school_teacher',
    roles: ['coordinator'],
  },
  {
    name: '陈督导',
    email: 'supervisor@hotline.demo',
    expertKind: 'hospital',
    roles: ['supervisor', 'volunteer'],
    topicSkills: ['self_harm_suicide', 'clinical', 'emotional'],
    phone: '+8613800000001',
  },
  {
    name: '王老师',
    email: 'wang@hotline.demo',
    expertKind: 'school_teacher',
    roles: ['volunteer'],
    topicSkills: ['learning', 'emotional'],
  },
  {
    name: '李医生',
    email: 'li@hotline.demo',
    expertKind: 'hospital',
    roles: ['volunteer'],
    topicSkills: ['clinical', 'emotional', 'self_harm_suicide'],
    answerBy: 'phone',
    phone: '+8613800000002',
  },
  {
    name: '张老师',
    email: 'zhang@hotline.demo',
    expertKind: 'university',
    roles: ['volunteer'],
    topicSkills: ['parent_child', 'behaviour', 'peer_relations'],
    languages: ['zh-CN', 'en'],
  },
  {
    name: '刘咨询师',
    email: 'liu@hotline.demo',
    expertKind: 'counsellor',
    roles: ['volunteer'],
    topicSkills: ['emotional', 'violence_bullying', 'other'],
  },
];

const passwordOf = (person: DemoPerson) => `demo-${person.email.split('@')[0]}-2026`;

/**
 * `npm run seed:demo`: a demo hotline with people of every role, on the configured
 * database. Safe to run again: existing demo people get their demo password back.
 */
async function seedDemo(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), {
    logger: ['error', 'warn'],
  });
  try {
    const hotlines = app.get(HotlinesService);
    const volunteers = app.get(VolunteersService);
    const hotlineRepository = app.get<Repository<Hotline>>(getRepositoryToken(Hotline));
    const volunteerRepository = app.get<Repository<Volunteer>>(getRepositoryToken(Volunteer));
    const hasher = app.get(PasswordHasher);

    const hotline =
      (await hotlineRepository.findOneBy({ name: DEMO_HOTLINE })) ??
      (await hotlines.create({ name: DEMO_HOTLINE, phoneNumber: '+8657112355' }, 'Asia/Shanghai'));

    const rows: string[][] = [];
    for (const person of PEOPLE) {
      const password = passwordOf(person);
      const existing = await volunteerRepository.findOneBy({ email: person.email });
      if (existing) {
        await volunteerRepository.update(existing.id, {
          passwordHash: await hasher.hash(password),
          active: true,
        });
      } else {
        await volunteers.create(SYSTEM_ACTOR, { ...person, password, hotlineIds: [hotline.id] });
      }
      rows.push([person.roles.join('+'), person.name, person.email, password]);
    }

    const partners = app.get(PartnersService);
    const known = new Set((await partners.list(SYSTEM_ACTOR, hotline.id)).map((p) => p.name));
    for (const hospital of PARTNER_HOSPITALS.filter((partner) => !known.has(partner.name)))
      await partners.create(SYSTEM_ACTOR, { kind: 'hospital', hotlineId: hotline.id, ...hospital });

    // The evening in two shifts, planned for the next four weeks.
    const shifts = app.get(ShiftsService);
    if ((await shifts.listTemplates(SYSTEM_ACTOR, hotline.id)).length === 0)
      for (const [startTime, endTime] of [
        ['18:00', '20:00'],
        ['20:00', '22:00'],
      ])
        await shifts.createTemplate(SYSTEM_ACTOR, {
          name: `${startTime}-${endTime}`,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          startTime,
          endTime,
          volunteersNeeded: 3,
          supervisorsNeeded: 1,
          hotlineId: hotline.id,
        });
    const today = DateTime.now().setZone(hotline.timeZone);
    await shifts.generate(SYSTEM_ACTOR, {
      hotlineId: hotline.id,
      from: today.toISODate()!,
      to: today.plus({ days: 27 }).toISODate()!,
    });

    // The guidance centre: two rooms, and two experts who see families on weekday afternoons.
    const setup = app.get(BookingSetupService);
    if ((await setup.listRooms(SYSTEM_ACTOR, hotline.id)).length === 0) {
      await setup.changeSettings(SYSTEM_ACTOR, {
        hotlineId: hotline.id,
        centreAddress: '示范市上城区解放路 1 号 心理辅导中心 3 楼',
      });
      for (const name of ['咨询室 1', '咨询室 2'])
        await setup.createRoom(SYSTEM_ACTOR, { name, hotlineId: hotline.id });
      const experts = await volunteerRepository.find({
        where: PEOPLE.filter((person) => person.roles.includes('volunteer'))
          .slice(0, 2)
          .map((person) => ({ email: person.email })),
      });
      for (const expert of experts)
        for (const weekday of [3, 6])
          await setup.addWeekly(SYSTEM_ACTOR, {
            volunteerId: expert.id,
            weekday,
            startTime: '14:00',
            endTime: '17:00',
            hotlineId: hotline.id,
          });
    }

    console.log(`Demo hotline "${DEMO_HOTLINE}" (${hotline.id}) is ready. Sign in with:`);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows)
      console.log(`  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')}`);
  } finally {
    await app.close();
  }
}

seedDemo().catch((error: Error) => {
  console.error(error instanceof ConfigurationError ? error.message : error.stack);
  process.exit(1);
});
