import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { AuditService } from '../audit/audit.service';
import { CallbackRequestsService } from '../calls/callback-requests.service';
import { Telephony } from '../telephony/telephony';
import { CallerNumberRetention } from '../calls/caller-number-retention';
import { ChatTranscripts } from '../chats/chat-transcripts';
import { Chat, ChatMessageRecord } from '../chats/chat.entity';
import { CrisisCase, CrisisFollowUp } from '../crisis/crisis-case.entity';
import { CrisisRetention } from '../crisis/crisis-retention';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Hotline } from '../hotlines/hotline.entity';
import { HotlinesService } from '../hotlines/hotlines.service';
import { SYSTEM_ACTOR, Volunteer } from '../volunteers/volunteer.entity';
import { ContactDraftRecord } from './contact-draft.entity';
import { ContactDrafts } from './contact-drafts.service';
import { Contact } from './contact.entity';
import { NoteRetentionService } from './note-retention.service';

describe('NoteRetentionService (service on a real database)', () => {
  let test: ServiceTest;
  let retention: NoteRetentionService;
  let contacts: Repository<Contact>;
  let cases: Repository<CrisisCase>;
  let followUps: Repository<CrisisFollowUp>;
  let hotline: Hotline;
  let volunteerId: string;

  const contact = async (occurredAt: Date): Promise<string> => {
    const id = randomUUID();
    await contacts.insert({
      id,
      hotlineId: hotline.id,
      channel: 'online',
      callId: null,
      volunteerId,
      recordedBy: volunteerId,
      occurredAt,
      durationMinutes: 30,
      callerType: 'pupil',
      ageBand: '12_14',
      grade: null,
      gender: null,
      district: null,
      primaryTopic: 'emotional.anxiety_stress',
      riskLevel: 'low',
      outcome: 'advice_given',
      notesEncrypted: 'sealed note',
      notesClearedAt: null,
      wrapUpSeconds: null,
      callerHash: 'returning-caller',
      createdAt: occurredAt,
      updatedAt: occurredAt,
    });
    return id;
  };

  const crisisCase = async (closedAt: Date | null): Promise<string> => {
    const id = randomUUID();
    const openedAt = test.clock.now().minus({ days: 60 }).toJSDate();
    await cases.insert({
      id,
      hotlineId: hotline.id,
      trigger: 'risk_level',
      riskLevel: 'high',
      callId: null,
      contactId: null,
      openedAt,
      reportDueAt: openedAt,
      supervisorId: null,
      partnerId: null,
      referredAt: null,
      referralNoteEncrypted: 'sealed referral',
      reportEncrypted: 'sealed report',
      reportFiledAt: openedAt,
      reportFiledBy: volunteerId,
      overdueAlertedAt: null,
      closedAt,
      closedBy: closedAt && volunteerId,
      closingNoteEncrypted: closedAt && 'sealed closing note',
      updatedAt: openedAt,
    });
    await followUps.insert({
      id: randomUUID(),
      caseId: id,
      authorId: volunteerId,
      at: openedAt,
      noteEncrypted: 'sealed follow-up',
    });
    return id;
  };

  const daysAgo = (days: number) => test.clock.now().minus({ days }).toJSDate();

  beforeAll(async () => {
    test = await serviceTest([
      NoteRetentionService,
      HotlinesService,
      HotlineDirectory,
      CallerNumberRetention,
      CallbackRequestsService,
      Telephony,
      CrisisRetention,
      AuditService,
      ContactDrafts,
      ChatTranscripts,
    ]);
    retention = test.get(NoteRetentionService);
    contacts = test.repository(Contact);
    cases = test.repository(CrisisCase);
    followUps = test.repository(CrisisFollowUp);
    hotline = await test.get(HotlinesService).create({ name: 'City line' }, 'Asia/Shanghai');
    await retention.setRetention(SYSTEM_ACTOR, hotline.id, 30);
    volunteerId = randomUUID();
    const now = test.clock.now().toJSDate();
    await test.repository(Volunteer).insert({
      id: volunteerId,
      name: 'Wang Fang',
      email: 'wang.fang@example.org',
      passwordHash: '-',
      phoneEncrypted: null,
      expertKind: 'counsellor',
      topicSkills: [],
      languages: [],
      roles: ['volunteer'],
      softphoneIdentity: volunteerId,
      answerBy: 'browser',
      active: true,
      calendarFeedTokenHash: null,
      createdAt: now,
      updatedAt: now,
      deactivatedAt: null,
    });
  });
  afterAll(() => test.close());

  it('clears a note older than the retention and keeps the anonymous fields', async () => {
    const id = await contact(daysAgo(31));
    await retention.run();
    expect(await contacts.findOneByOrFail({ id })).toMatchObject({
      notesEncrypted: null,
      notesClearedAt: test.clock.now().toJSDate(),
      primaryTopic: 'emotional.anxiety_stress',
      riskLevel: 'low',
      ageBand: '12_14',
      callerHash: 'returning-caller',
    });
  });

  it('keeps a note younger than the retention', async () => {
    const id = await contact(daysAgo(29));
    await retention.run();
    expect(await contacts.findOneByOrFail({ id })).toMatchObject({
      notesEncrypted: 'sealed note',
      notesClearedAt: null,
    });
  });

  it("clears every text of a case closed before the retention, its follow-ups' too", async () => {
    const id = await crisisCase(daysAgo(31));
    expect((await retention.run()).crisisCases).toBe(1);
    expect(await cases.findOneByOrFail({ id })).toMatchObject({
      reportEncrypted: null,
      referralNoteEncrypted: null,
      closingNoteEncrypted: null,
    });
    expect(await followUps.findOneByOrFail({ caseId: id })).toMatchObject({ noteEncrypted: null });
  });

  it('keeps the texts of a case still open, however old', async () => {
    const id = await crisisCase(null);
    await retention.run();
    expect(await cases.findOneByOrFail({ id })).toMatchObject({ reportEncrypted: 'sealed report' });
    expect(await followUps.findOneByOrFail({ caseId: id })).toMatchObject({
      noteEncrypted: 'sealed follow-up',
    });
  });

  it('a new retention is what the directory and the next run go by', async () => {
    await retention.setRetention(SYSTEM_ACTOR, hotline.id, 10);
    expect((await test.get(HotlineDirectory).hotline(hotline.id)).noteRetentionDays).toBe(10);
    const id = await contact(daysAgo(11));
    await retention.run();
    expect(await contacts.findOneByOrFail({ id })).toMatchObject({ notesEncrypted: null });
    await retention.setRetention(SYSTEM_ACTOR, hotline.id, 30);
  });

  it('deletes a contact draft untouched for longer than the retention, and keeps a recent one', async () => {
    const draft = async (updatedAt: Date) => {
      const id = randomUUID();
      await test.repository(ContactDraftRecord).insert({
        id,
        hotlineId: hotline.id,
        callId: randomUUID(),
        volunteerId,
        fields: '{"ageBand":"12_14"}',
        notesEncrypted: 'sealed draft',
        updatedAt,
      });
      return id;
    };
    const old = await draft(daysAgo(31));
    const recent = await draft(daysAgo(29));
    expect((await retention.run()).contactDrafts).toBe(1);
    const left = await test.repository(ContactDraftRecord).find();
    expect(left.map((row) => row.id)).toContain(recent);
    expect(left.map((row) => row.id)).not.toContain(old);
  });

  it("removes the messages of a chat older than the retention, and keeps a recent chat's", async () => {
    const transcripts = test.get(ChatTranscripts);
    const chat = async (arrivedAt: Date) => {
      const id = randomUUID();
      await test.repository(Chat).insert({
        id,
        hotlineId: hotline.id,
        tokenHash: randomUUID(),
        deviceHash: 'device',
        callerType: 'pupil',
        topic: 'emotional',
        priority: 'normal',
        language: 'zh-CN',
        status: 'ended',
        outcome: 'answered',
        endReason: 'writer',
        volunteerId,
        offerCount: 1,
        arrivedAt,
        updatedAt: arrivedAt,
      });
      await transcripts.store(id, 'writer', 'I cannot sleep before the exam');
      await transcripts.store(id, 'volunteer', 'Tell me more about it');
      return id;
    };
    const old = await chat(daysAgo(31));
    const recent = await chat(daysAgo(29));
    expect((await retention.run()).chatTranscripts).toBe(1);
    expect(await test.repository(ChatMessageRecord).countBy({ chatId: old })).toBe(0);
    expect(await transcripts.of(recent)).toHaveLength(2);
    expect(await test.repository(Chat).findOneByOrFail({ id: old })).toMatchObject({
      transcriptClearedAt: test.clock.now().toJSDate(),
      outcome: 'answered',
      topic: 'emotional',
    });
    // Run again: nothing more to clear.
    expect((await retention.run()).chatTranscripts).toBe(0);
  });
});
