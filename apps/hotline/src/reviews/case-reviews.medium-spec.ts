import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { volunteerRow } from '../../../../test/support/rows';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditService } from '../audit/audit.service';
import { Switchboard } from '../calls/switchboard';
import { FieldCipher } from '../common/field-cipher';
import { ContactReads } from '../contacts/contact-reads.service';
import { ContactRecords } from '../contacts/contact-records.service';
import { CreateContactDto } from '../contacts/dto/contact.dto';
import { OtherChannelRecords } from '../contacts/other-channel-records.service';
import { AlertTexts } from '../crisis/alert-texts';
import { CrisisAlerts } from '../crisis/crisis-alerts.service';
import { CrisisOpening } from '../crisis/crisis-opening.service';
import { OnCallSupervisors } from '../crisis/on-call-supervisors';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { Transactions } from '../database/transactions';
import { ShiftsService } from '../shifts/shifts.service';
import { StatsRollups } from '../statistics/stats-rollups';
import { Telephony } from '../telephony/telephony';
import { Role, Volunteer } from '../volunteers/volunteer.entity';
import { CaseReviews } from './case-reviews.service';
import { ContactReview, ContactReviewEntry } from './contact-review.entity';
import { ReviewFigures } from './review-figures';
import { ReviewQueue } from './review-queue.service';
import { ReviewRetention } from './review-retention.service';
import { ReviewSelection } from './review-selection.service';

const ROUTINE = {
  channel: 'face_to_face',
  callerType: 'pupil',
  ageBand: '12_14',
  primaryTopic: 'emotional.anxiety_stress',
  riskLevel: 'low',
  outcome: 'advice_given',
  notes: 'Worried about the entrance exam; sleeps badly',
} as const;
const QUEUE = { limit: 100, offset: 0 };

describe('case review (services on a real database)', () => {
  let test: ServiceTest;
  let hotline: Hotline;
  let supervisor: Volunteer;
  let colleague: Volunteer;
  let counsellor: Volunteer;
  let trainee: Volunteer;
  let coordinator: Volunteer;
  let records: OtherChannelRecords;
  let queue: ReviewQueue;
  let reviews: CaseReviews;

  const person = async (roles: Role[], fields: Partial<Volunteer> = {}) =>
    test
      .repository(Volunteer)
      .save(
        test
          .repository(Volunteer)
          .create(
            volunteerRow(test.clock.now().toJSDate(), { roles, hotlines: [hotline], ...fields }),
          ),
      );

  /** The contact's review, once the selection (which follows the record's event) is done. */
  async function reviewOf(contactId: string): Promise<ContactReview | null> {
    for (let tries = 0; tries < 40; tries++) {
      const review = await test.repository(ContactReview).findOneBy({ contactId });
      if (review) return review;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return null;
  }

  async function record(by: Volunteer, fields: Partial<CreateContactDto> = {}) {
    const written = await records.create(by, {
      ...ROUTINE,
      occurredAt: test.clock.now().minus({ hours: 1 }).toISO()!,
      ...fields,
    } as CreateContactDto);
    return written.contact.id;
  }

  const setShare = (percent: number) =>
    test.get(ReviewSelection).setSamplePercent(supervisor, hotline.id, percent);

  beforeAll(async () => {
    test = await serviceTest(
      [
        ReviewSelection,
        ReviewQueue,
        CaseReviews,
        ReviewFigures,
        ReviewRetention,
        OtherChannelRecords,
        ContactRecords,
        ContactReads,
        CrisisOpening,
        CrisisAlerts,
        AlertTexts,
        OnCallSupervisors,
        AuditService,
        HotlinesService,
        HotlineDirectory,
        Transactions,
        StatsRollups,
        { provide: Switchboard, useValue: { volunteerState: () => undefined } },
        { provide: ShiftsService, useValue: { onShiftAt: () => Promise.resolve([]) } },
        { provide: Telephony, useValue: { enabled: false } },
      ],
      { start: '2026-11-23T12:00:00Z' },
    );
    records = test.get(OtherChannelRecords);
    queue = test.get(ReviewQueue);
    reviews = test.get(CaseReviews);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    supervisor = await person(['supervisor'], { name: 'Zhao Min' });
    colleague = await person(['supervisor', 'volunteer'], { name: 'Qian Li' });
    counsellor = await person(['volunteer'], { name: 'Sun Wei' });
    trainee = await person(['volunteer'], { name: 'Li Na', expertKind: 'trainee' });
    coordinator = await person(['coordinator']);
  });
  afterAll(() => test.close());

  it('takes every high-risk consultation, every trainee’s, and the keyed-hash sample at the hotline’s share', async () => {
    expect(await test.get(ReviewSelection).samplePercent(supervisor, hotline.id)).toBe(10);
    await setShare(30);
    const cipher = test.get(FieldCipher);
    const sampled = (id: string) =>
      parseInt(cipher.keyedHash(`contact-review:${id}`).slice(0, 8), 16) < 0.3 * 2 ** 32;

    const routine: string[] = [];
    for (let i = 0; i < 60; i++) routine.push(await record(counsellor));
    const highRisk = await record(counsellor, {
      riskLevel: 'high',
      outcome: 'crisis_intervention',
    });
    const trainees = await record(trainee);
    const silent = await record(trainee, { contactType: 'silent' });

    expect((await reviewOf(highRisk))?.reason).toBe('high_risk');
    expect((await reviewOf(trainees))?.reason).toBe('trainee');
    await reviewOf(routine[59]);
    const inQueue = await test.repository(ContactReview).findBy({ reason: 'sample' });
    const expected = routine.filter(sampled);
    expect(inQueue.map((review) => review.contactId).sort()).toEqual([...expected].sort());
    // About the share asked for: neither none nor all.
    expect(expected.length).toBeGreaterThan(6);
    expect(expected.length).toBeLessThan(36);
    expect(await reviewOf(silent)).toBeNull();

    // The same contact is judged the same way every time; a correction can make it stronger.
    const notSampled = routine.find((id) => !sampled(id))!;
    expect(await test.get(ReviewSelection).consider(notSampled)).toBeNull();
    await test
      .get(ContactRecords)
      .update(counsellor, notSampled, { riskLevel: 'imminent', outcome: 'crisis_intervention' });
    await expect(
      (async () => {
        for (let tries = 0; tries < 40; tries++) {
          const review = await test.repository(ContactReview).findOneBy({ contactId: notSampled });
          if (review) return review.reason;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })(),
    ).resolves.toBe('high_risk');
    await setShare(0);
  });

  it('walks a review through comment, changes, answer and sign-off, encrypted and audited', async () => {
    const contactId = await record(trainee, { notes: 'Talked about her parents’ divorce' });
    const { id } = (await reviewOf(contactId))!;

    const page = await queue.queue(supervisor, {
      ...QUEUE,
      status: 'to_review',
      reason: 'trainee',
    });
    expect(page.items.map((item) => item.id)).toContain(id);
    expect(page.items.find((item) => item.id === id)).toMatchObject({
      volunteerName: 'Li Na',
      status: 'pending',
      channel: 'face_to_face',
      primaryTopic: 'emotional.anxiety_stress',
      entryCount: 0,
    });
    // Before any feedback its volunteer neither lists nor reads it.
    expect((await queue.mine(trainee, QUEUE)).items.map((item) => item.id)).not.toContain(id);
    await expect(reviews.detail(trainee, id)).rejects.toBeInstanceOf(NotFoundException);

    const opened = await reviews.detail(supervisor, id);
    expect(opened.contact.notes).toBe('Talked about her parents’ divorce');
    expect(opened.actions).toEqual(['comment', 'request_changes', 'sign_off']);

    await reviews.act(supervisor, id, 'comment', 'Good rapport in the first minutes.');
    test.clock.advance({ hours: 5 });
    const asked = await reviews.act(
      supervisor,
      id,
      'request_changes',
      'Please record whether a safety plan was discussed.',
    );
    expect(asked).toMatchObject({ status: 'changes_requested', actions: ['comment', 'sign_off'] });
    await expect(reviews.act(supervisor, id, 'request_changes', 'Again')).rejects.toBeInstanceOf(
      ConflictException,
    );
    await expect(reviews.act(supervisor, id, 'answer', 'Not mine')).rejects.toBeInstanceOf(
      ForbiddenException,
    );

    const mine = await queue.mine(trainee, QUEUE);
    expect(mine.items.find((item) => item.id === id)).toMatchObject({
      status: 'changes_requested',
    });
    const seen = await reviews.detail(trainee, id);
    expect(seen.actions).toEqual(['answer']);
    const answered = await reviews.act(trainee, id, 'answer', 'Added: we agreed a safety plan.');
    expect(answered.status).toBe('answered');
    await expect(reviews.act(trainee, id, 'sign_off', undefined)).rejects.toBeInstanceOf(
      ForbiddenException,
    );
    const signed = await reviews.act(colleague, id, 'sign_off', undefined);
    expect(signed).toMatchObject({ status: 'signed_off', entryCount: 4 });
    expect(signed.entries.map((entry) => [entry.kind, entry.authorName, entry.text])).toEqual([
      ['comment', 'Zhao Min', 'Good rapport in the first minutes.'],
      ['changes_requested', 'Zhao Min', 'Please record whether a safety plan was discussed.'],
      ['answer', 'Li Na', 'Added: we agreed a safety plan.'],
      ['signed_off', 'Qian Li', null],
    ]);

    const stored = await test.repository(ContactReviewEntry).findBy({ reviewId: id });
    expect(JSON.stringify(stored)).not.toMatch(/safety plan|rapport/);
    const review = await test.repository(ContactReview).findOneByOrFail({ id });
    expect(review).toMatchObject({ reviewedBy: supervisor.id });
    expect(review.reviewedAt!.getTime() - review.selectedAt.getTime()).toBe(5 * 3600_000);
    const trail = await test.repository(AuditEvent).findBy({ subjectId: id });
    expect(trail.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'contact_review.read',
        'contact_review.comment',
        'contact_review.changes_requested',
        'contact_review.answer',
        'contact_review.signed_off',
      ]),
    );
    const notesRead = await test
      .repository(AuditEvent)
      .findBy({ subjectId: contactId, action: 'contact.notes.read' });
    expect(notesRead.map((event) => event.actorId)).toEqual(
      expect.arrayContaining([supervisor.id, trainee.id]),
    );
  });

  it('keeps a review from those it is not for', async () => {
    const ownContactId = await record(colleague, { riskLevel: 'high' });
    const own = (await reviewOf(ownContactId))!;
    const theirs = (await reviewOf(await record(trainee)))!;
    // A supervisor's own consultation is reviewed by another supervisor.
    const colleagueQueue = await queue.queue(colleague, QUEUE);
    expect(colleagueQueue.items.map((item) => item.id)).not.toContain(own.id);
    expect(colleagueQueue.items.map((item) => item.id)).toContain(theirs.id);
    await expect(reviews.act(colleague, own.id, 'sign_off', undefined)).rejects.toBeInstanceOf(
      NotFoundException,
    );
    await expect(reviews.detail(coordinator, theirs.id)).rejects.toBeInstanceOf(NotFoundException);
    await expect(reviews.detail(counsellor, theirs.id)).rejects.toBeInstanceOf(NotFoundException);
    expect(await queue.queue(coordinator, QUEUE)).toEqual({ total: 0, offset: 0, items: [] });
  });

  it('pages and filters the queue', async () => {
    const all = await queue.queue(supervisor, QUEUE);
    const firstPage = await queue.queue(supervisor, { limit: 5, offset: 0 });
    const secondPage = await queue.queue(supervisor, { limit: 5, offset: 5 });
    expect(firstPage.total).toBe(all.total);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.id)).toEqual(
      all.items.slice(0, 10).map((item) => item.id),
    );
    const signedOff = await queue.queue(supervisor, { ...QUEUE, status: 'signed_off' });
    expect(signedOff.items.every((item) => item.status === 'signed_off')).toBe(true);
    expect(signedOff.total).toBe(1);
    const none = await queue.queue(supervisor, { ...QUEUE, from: '2026-12-01' });
    expect(none.total).toBe(0);
  });

  it('counts the period’s reviews: selected, reviewed, share and median time to review', async () => {
    const start = new Date('2026-10-31T16:00:00Z');
    const end = new Date('2026-11-30T16:00:00Z');
    const counts = await test.get(ReviewFigures).counts(hotline.id, start, end);
    const stored = await test.repository(ContactReview).findBy({ hotlineId: hotline.id });
    expect(counts.selected).toBe(stored.length);
    expect(counts).toMatchObject({ reviewed: 1, signedOff: 1, medianSecondsToReview: 5 * 3600 });
    expect(counts.byReason.get('high_risk')).toBe(3);
  });

  it('clears what was written once the consultation is past the note retention', async () => {
    test.clock.advance({ days: 366 });
    expect(await test.get(ReviewRetention).run()).toBeGreaterThan(0);
    const texts = await test.repository(ContactReviewEntry).find();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((entry) => entry.textEncrypted === null)).toBe(true);
    expect(await test.get(ReviewRetention).run()).toBe(0);
  });
});
