import { ManualClock } from '@hotline/clock';
import { ChatWatch } from '../apps/hotline/src/chats/chat-watch';
import { duty, eventually } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { OpenWriter, connectWriter, openChat, until } from './support/chat';

const MESSAGE = '明天晚上能不能打电话给我？我叫小林';

describe('chats outside opening hours, silent writers, blocked devices', () => {
  const clock = new ManualClock('2026-11-23T10:00:00+08:00');
  let hotline: RunningHotline;
  let supervisor: Person;
  let volunteer: Person;
  let admin: string;
  let hotlineId: string;
  const writers: OpenWriter[] = [];

  beforeAll(async () => {
    hotline = await startHotline({}, undefined, { clock });
    admin = await hotline.signIn();
    hotlineId = (await hotline.as(admin).get('/api/hotlines').expect(200)).body[0].id;
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
  });
  afterAll(async () => {
    for (const writer of writers) writer.close();
    await hotline.stop();
  });

  /** The watch's checks now, rather than at their next turn (every few seconds). */
  const watch = () => hotline.app.get(ChatWatch).checkOpenChats();

  const writerOf = async (token: string) => {
    const writer = await connectWriter(hotline, token);
    writers.push(writer);
    return writer;
  };

  it('answers a chat outside opening hours with the hours, the next opening and the emergency numbers', async () => {
    expect((await hotline.http().get('/api/public/hotline').expect(200)).body.open).toBe(false);
    const { body } = await hotline
      .http()
      .post('/api/public/chats')
      .send({ callerType: 'pupil', topic: 'emotional', language: 'zh-CN', danger: true })
      .expect(409);
    expect(body).toMatchObject({
      error: 'closed',
      leaveMessage: true,
      nextOpening: '2026-11-23T10:00:00.000Z',
      emergency: expect.stringContaining('110'),
    });
    expect(body.hours).toHaveLength(7);
    expect(body.hours[0]).toEqual({ weekday: 1, opens: '18:00', closes: '22:00' });
  });

  it("takes a message left instead onto the hotline's call-back list, encrypted, its reading audited", async () => {
    const { body } = await hotline
      .http()
      .post('/api/public/chat-messages')
      .send({ callerType: 'pupil', topic: 'learning', language: 'zh-CN', text: MESSAGE })
      .expect(201);
    expect(body).toEqual({ received: true, forDate: '2026-11-23' });
    const rows = await hotline.database.query<Record<string, unknown>>(
      "SELECT * FROM callback_request WHERE source = 'chat'",
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('小林');
    // On the call-back desk's list without its text, which is read on its own, audited.
    const { body: list } = await hotline
      .as(supervisor.token)
      .get('/api/callback-requests')
      .expect(200);
    expect(list.items).toContainEqual(
      expect.objectContaining({
        id: rows[0].id,
        source: 'chat',
        callId: null,
        hasText: true,
        canCallBack: false,
        callerType: 'pupil',
        topic: 'learning',
        reason: 'closed_hours',
        forDate: '2026-11-23',
      }),
    );
    expect(JSON.stringify(list)).not.toContain('小林');
    const { body: read } = await hotline
      .as(supervisor.token)
      .get(`/api/callback-requests/${rows[0].id as string}/text`)
      .expect(200);
    expect(read).toEqual({ text: MESSAGE });
    const { body: trail } = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${rows[0].id as string}`)
      .expect(200);
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'callback_request.message.read', actorId: supervisor.id }),
    );
    await hotline
      .http()
      .post('/api/public/chat-messages')
      .send({ callerType: 'pupil', topic: 'learning', language: 'zh-CN', text: '' })
      .expect(400);
    expect(hotline.logs()).not.toContain('小林');
  });

  it('asks a silent writer whether they are there, then ends the chat', async () => {
    clock.set('2026-11-23T19:00:00+08:00');
    await duty(hotline, volunteer).available();
    const { token } = await openChat(hotline);
    const writer = await writerOf(token);
    await duty(hotline, volunteer)
      .accept(await duty(hotline, volunteer).offer())
      .expect(204);
    await until(() => writer.answered.length === 1, 'the answer');
    clock.advance({ minutes: 4 });
    await watch();
    expect(writer.messages).toEqual([]);
    clock.advance({ minutes: 1, seconds: 5 });
    await watch();
    await until(
      () => writer.messages.find((m) => m.from === 'system' && m.text.includes('你还在吗')),
      'the polite check',
    );
    // Writing back keeps the chat.
    await writer.send('在的');
    clock.advance({ minutes: 3 });
    await watch();
    expect(writer.ended).toEqual([]);
    clock.advance({ minutes: 2, seconds: 5 });
    await watch();
    await until(
      () => writer.messages.filter((m) => m.text.includes('你还在吗')).length === 2,
      'asked again',
    );
    clock.advance({ minutes: 2, seconds: 5 });
    await watch();
    await until(() => writer.ended[0]?.reason === 'idle', 'the end for silence');
    expect(writer.messages.at(-1)?.text).toContain('随时欢迎你再来');
  });

  it("blocks a writer's device with an expiry; the device is refused, unless in danger", async () => {
    const device = 'abusive-device-0001';
    const { chatId, token } = await openChat(hotline, { deviceId: device });
    const writer = await writerOf(token);
    // Nobody on duty from now: chats wait.
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'offline' })
      .expect(200);
    await hotline
      .as(volunteer.token)
      .post(`/api/chats/${chatId}/block`)
      .send({ reason: 'abusive' })
      .expect(403);
    const { body: block } = await hotline
      .as(supervisor.token)
      .post(`/api/chats/${chatId}/block`)
      .send({ reason: 'abusive', days: 7 })
      .expect(200);
    expect(block).toMatchObject({ reason: 'abusive', subjectKind: 'device', ended: true });
    expect(block.expiresAt).toBe(clock.now().plus({ days: 7 }).toUTC().toISO());
    await until(() => writer.ended[0]?.reason === 'blocked', 'the chat ended as blocked');

    const again = { callerType: 'pupil', topic: 'emotional', language: 'zh-CN', deviceId: device };
    const refused = await hotline.http().post('/api/public/chats').send(again).expect(403);
    expect(refused.body).toMatchObject({ error: 'blocked', emergency: expect.any(String) });
    await hotline
      .http()
      .post('/api/public/chats')
      .send({ ...again, danger: true })
      .expect(201);
    await hotline
      .http()
      .post('/api/public/chats')
      .send({ ...again, deviceId: 'another-device-0002' })
      .expect(201);
    const { body: blocks } = await hotline
      .as(supervisor.token)
      .get(`/api/caller-blocks?hotlineId=${hotlineId}`)
      .expect(200);
    expect(blocks).toContainEqual(expect.objectContaining({ id: block.id, subjectKind: 'device' }));
    const [row] = await hotline.database.query<Record<string, unknown>>(
      'SELECT * FROM caller_block WHERE id = ?',
      [block.id],
    );
    expect(JSON.stringify(row)).not.toContain(device);
    // A week later it lifts by itself.
    clock.advance({ days: 8 });
    await hotline.http().post('/api/public/chats').send(again).expect(201);
    clock.advance({ days: -8 });
  });

  it('lets go of a waiting chat whose writer left, and ends those still waiting at closing time', async () => {
    const gone = await openChat(hotline);
    const writer = await writerOf(gone.token);
    const stays = await openChat(hotline);
    await writerOf(stays.token);
    const rowOf = async (chatId: string) =>
      (
        await hotline.database.query<Record<string, unknown>>(
          'SELECT status, outcome, end_reason, writer_left_at FROM chat WHERE id = ?',
          [chatId],
        )
      )[0];
    writer.close();
    await eventually(
      async () => ((await rowOf(gone.chatId)).writer_left_at ? true : undefined),
      'the server to see the page closed',
    );
    clock.advance({ minutes: 2, seconds: 5 });
    await watch();
    expect(
      await eventually(
        async () =>
          (await rowOf(gone.chatId)).status === 'ended' ? rowOf(gone.chatId) : undefined,
        'the chat of the writer who left to end',
      ),
    ).toMatchObject({ outcome: 'abandoned', end_reason: 'writer' });
    // A writer still on the page keeps their place.
    expect(await rowOf(stays.chatId)).toMatchObject({ status: 'waiting', outcome: null });

    clock.set('2026-11-23T21:59:00+08:00');
    const late = await openChat(hotline);
    const lateWriter = await writerOf(late.token);
    clock.set('2026-11-23T22:00:30+08:00');
    await watch();
    await until(() => lateWriter.ended[0]?.reason === 'closed', 'the end at closing');
    expect(lateWriter.messages.at(-1)).toMatchObject({ from: 'system' });
    expect(lateWriter.messages.at(-1)?.text).toContain('12356');
    // Signed in again: the clock has travelled past the first sign-in's end.
    const token = await hotline.signIn(supervisor.email, supervisor.password);
    const { body: report } = await hotline
      .as(token)
      .get('/api/stats/monthly?month=2026-11')
      .expect(200);
    // The writer still on the page at closing, and the late one; those who left are abandoned.
    expect(report.chats).toMatchObject({ closedHours: 2 });
    expect(report.chats.abandoned).toBeGreaterThanOrEqual(1);
  });
});
