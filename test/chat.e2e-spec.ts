import { ManualClock } from '@hotline/clock';
import { CHAT_MESSAGE_MAX_LENGTH } from '@hotline/chat-protocol';
import { OpenConsole, openConsole } from './support/console';
import { ROUTINE_CONTACT, duty } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import {
  OpenWriter,
  command,
  connectWriter,
  openChatDesk,
  openChat,
  until,
  watchChats,
  writerRefusal,
} from './support/chat';

const SECRET = '我在学校被人欺负，不敢告诉爸妈';
const REPLY = '谢谢你告诉我，这不是你的错';

describe('a live chat, from the request to the wrap-up', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let hotline: RunningHotline;
  let volunteer: Person;
  let supervisor: Person;
  let desk: OpenConsole;
  let chats: ReturnType<typeof watchChats>;
  const writers: OpenWriter[] = [];

  beforeAll(async () => {
    hotline = await startHotline({}, undefined, { clock });
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    desk = await openConsole(hotline, volunteer.token);
    chats = watchChats(desk);
  });
  afterAll(async () => {
    desk.close();
    for (const writer of writers) writer.close();
    await hotline.stop();
  });

  const writerOf = async (token: string) => {
    const writer = await connectWriter(hotline, token);
    writers.push(writer);
    return writer;
  };

  it('tells the page the hotline, its hours and its menu', async () => {
    const { body } = await hotline.http().get('/api/public/hotline').expect(200);
    expect(body).toMatchObject({
      open: true,
      locale: 'zh-CN',
      // The hours are the hotline's local times: the page says them in its zone.
      timeZone: 'Asia/Shanghai',
      crisisLine: '12356',
      callerTypes: ['pupil', 'parent', 'teacher', 'other'],
    });
    expect(body.topics.map((topic: { key: string }) => topic.key)).toContain('emotional');
    expect(body.hours).toContainEqual({ weekday: 1, opens: '18:00', closes: '22:00' });
    expect(body.emergency).toContain('12356');
  });

  it('refuses bad requests with a reason, and connections without a chat', async () => {
    const refused = async (body: object) =>
      (await hotline.http().post('/api/public/chats').send(body).expect(400)).body.message;
    expect(await refused({ callerType: 'pupil', topic: 'astrology', language: 'zh-CN' })).toEqual(
      expect.arrayContaining([expect.stringContaining('topic must be a topic of the menu')]),
    );
    expect(await refused({ callerType: 'robot', topic: 'emotional', language: 'zh-CN' })).toEqual(
      expect.arrayContaining([expect.stringContaining('callerType must be one of')]),
    );
    expect(await refused({ callerType: 'pupil', topic: 'emotional', language: 'fr' })).toEqual(
      expect.arrayContaining([expect.stringContaining('language must be one of')]),
    );
    expect(await writerRefusal(hotline, {})).toMatch(/token/);
    expect(await writerRefusal(hotline, { token: 'x'.repeat(43) })).toMatch(
      /No chat has this token/,
    );
  });

  it('is offered like a call, answered, talked in both ways, and written up as an online contact', async () => {
    await duty(hotline, volunteer).available();
    const response = await hotline
      .http()
      .post('/api/public/chats')
      .send({
        callerType: 'pupil',
        topic: 'emotional',
        language: 'zh-CN',
        deviceId: 'device-a1b2c3d4',
      })
      .expect(201);
    expect(Object.keys(response.body).sort()).toEqual(['chatId', 'token']);
    const { chatId, token } = response.body as { chatId: string; token: string };
    const writer = await writerOf(token);
    expect(writer.state).toMatchObject({ chatId, phase: 'waiting', messages: [], endReason: null });
    // Waiting, the page hears its place at once.
    const place = await until(() => writer.queue[0], 'chat.queue');
    expect(place).toEqual({ position: 1, expectedWaitSeconds: expect.any(Number) });

    // Written while waiting: the volunteer who answers reads it first.
    expect(await writer.send(SECRET)).toMatchObject({
      ok: true,
      message: { from: 'writer', text: SECRET },
    });

    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({ callId: chatId, chatId, channel: 'chat', callerType: 'pupil' });
    await duty(hotline, volunteer).accept(offer).expect(204);
    await until(() => writer.answered.length === 1, 'the writer told a volunteer answered');
    const live = await until(() => chats.live.find((chat) => chat.chatId === chatId), 'chat.live');
    expect(live).toMatchObject({ phase: 'talking', topic: 'emotional', priority: 'normal' });
    expect(live.messages.map((m) => m.text)).toEqual([SECRET]);
    expect(live.participants).toEqual([
      expect.objectContaining({ volunteerId: volunteer.id, role: 'volunteer' }),
    ]);
    expect(live.cannedReplies?.length).toBeGreaterThan(0);

    writer.socket.emit('chat.typing', { typing: true });
    await until(
      () => chats.typing.find((t) => t.chatId === chatId && t.typing),
      'the writer typing',
    );
    desk.socket.emit('chat.typing', { chatId, typing: true });
    await until(() => writer.typing.includes(true), 'the volunteer typing');

    expect(await command(desk, 'chat.send', { chatId, text: REPLY })).toMatchObject({
      ok: true,
      message: { from: 'volunteer', text: REPLY },
    });
    await until(() => writer.messages.find((m) => m.text === REPLY), 'the reply at the page');
    expect(writer.messages.find((m) => m.text === REPLY)).toEqual({
      id: expect.any(String),
      from: 'volunteer',
      text: REPLY,
      at: expect.any(String),
    });
    expect(await writer.send('嗯')).toMatchObject({ ok: true });
    await until(
      () => chats.messages.find((m) => m.message.text === '嗯'),
      'the answer on the console',
    );

    // The volunteer ends it: the page says so; the record waits for the volunteer.
    expect(await command(desk, 'chat.end', { chatId })).toEqual({ ok: true });
    await until(() => writer.ended[0]?.reason === 'volunteer', 'chat.ended at the page');
    await until(() => chats.ended.find((ended) => ended.chatId === chatId), 'chat.live.ended');
    await hotline
      .as(volunteer.token)
      .put('/api/me/presence')
      .send({ state: 'available' })
      .expect(409);

    const wrapped = await command<{ contact: { id: string }; me: { state: string } }>(
      desk,
      'chat.wrapup',
      { chatId, contact: { ...ROUTINE_CONTACT, notes: 'Bullied at school' } },
    );
    expect(wrapped).toMatchObject({ ok: true, me: { state: 'available' } });
    const contactId = (wrapped as { contact: { id: string } }).contact.id;
    const { body: record } = await hotline
      .as(volunteer.token)
      .get(`/api/contacts/${contactId}`)
      .expect(200);
    expect(record).toMatchObject({
      channel: 'online',
      chatId,
      callId: null,
      volunteerId: volunteer.id,
      primaryTopic: ROUTINE_CONTACT.primaryTopic,
    });

    // The transcript, attached: its volunteer and the supervisors read it, each read audited.
    const { body: transcript } = await hotline
      .as(supervisor.token)
      .get(`/api/chats/${chatId}/transcript`)
      .expect(200);
    expect(
      transcript.messages.map((m: { from: string; text: string }) => `${m.from}: ${m.text}`),
    ).toEqual([`writer: ${SECRET}`, `volunteer: ${REPLY}`, 'writer: 嗯']);
    const stranger = await addPerson(hotline, { topicSkills: ['learning'] });
    await hotline.as(stranger.token).get(`/api/chats/${chatId}/transcript`).expect(404);
    const { body: trail } = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${chatId}`)
      .expect(200);
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'chat.transcript.read', actorId: supervisor.id }),
    );

    // Nothing of it in the clear: not in the database, not in the logs.
    const rows = await hotline.database.query<Record<string, unknown>>(
      'SELECT * FROM chat_message WHERE chat_id = ?',
      [chatId],
    );
    expect(rows).toHaveLength(3);
    const stored = JSON.stringify(rows);
    for (const text of [SECRET, REPLY, '欺负']) expect(stored).not.toContain(text);
    for (const row of rows) expect(String(row.text_encrypted)).toMatch(/^v2:/);
    const [chatRow] = await hotline.database.query<Record<string, unknown>>(
      'SELECT * FROM chat WHERE id = ?',
      [chatId],
    );
    expect(JSON.stringify(chatRow)).not.toContain(token);
    expect(JSON.stringify(chatRow)).not.toContain('device-a1b2c3d4');
    expect(chatRow).toMatchObject({
      status: 'ended',
      outcome: 'answered',
      end_reason: 'volunteer',
    });
    for (const text of [SECRET, REPLY, token, 'Bullied'])
      expect(hotline.logs()).not.toContain(text);
  });

  let resumed = '';

  it('resumes the same chat after a dropped connection or a reload, with every message', async () => {
    const { chatId, token } = await openChat(hotline);
    resumed = chatId;
    const first = await writerOf(token);
    await first.send('第一条');
    await duty(hotline, volunteer)
      .accept(await duty(hotline, volunteer).offer())
      .expect(204);
    await until(() => first.answered.length === 1, 'the answer');
    first.close();
    const again = await writerOf(token);
    expect(again.state).toMatchObject({ chatId, phase: 'talking' });
    expect(again.state.messages.map((m) => m.text)).toEqual(['第一条']);
    await again.send('第二条');
    await until(
      () => chats.messages.find((m) => m.message.text === '第二条'),
      'the resumed page still heard',
    );
    // The console reloads too: its panel comes back with the chat.
    desk.close();
    desk = await openChatDesk(hotline, volunteer.token);
    chats = (desk as Awaited<ReturnType<typeof openChatDesk>>).chats;
    await until(
      () => chats.live.find((chat) => chat.chatId === chatId && chat.messages.length === 2),
      'chat.live after the console came back',
    );
    expect(await command(desk, 'chat.send', { chatId, text: '我还在' })).toMatchObject({
      ok: true,
    });
    await until(() => again.messages.find((m) => m.text === '我还在'), 'the reply after reload');
    expect(await again.end()).toEqual({ ok: true });
    await until(() => again.ended[0]?.reason === 'writer', 'the end');
    expect(await again.send('还在吗')).toMatchObject({ ok: false, error: 'ended' });
  });

  it('refuses an empty message, one too long, and a flood', async () => {
    // The volunteer still writes up the last chat: this one waits meanwhile.
    await command(desk, 'chat.wrapup', { chatId: resumed, contact: ROUTINE_CONTACT });
    const { token } = await openChat(hotline);
    const writer = await writerOf(token);
    expect(await writer.send('   ')).toMatchObject({ ok: false, error: 'empty' });
    expect(await writer.send('字'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1))).toMatchObject({
      ok: false,
      error: 'too_long',
    });
    expect(await writer.send('字'.repeat(CHAT_MESSAGE_MAX_LENGTH))).toMatchObject({ ok: true });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await writer.send(`消息 ${i}`));
    expect(answers.filter((answer) => answer.ok)).toHaveLength(9);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: 'rate_limited' });
    expect(await writer.end()).toEqual({ ok: true });
    await until(() => writer.ended[0]?.reason === 'writer', 'the end');
  });

  it('counts the chats in the online channel beside the calls', async () => {
    const { body: report } = await hotline
      .as(supervisor.token)
      .get('/api/stats/monthly?month=2026-11')
      .expect(200);
    expect(report.chats).toMatchObject({ offered: 3, answered: 2, abandoned: 1 });
    expect(report.chats.serviceLevel.answeredInTime).toBe(2);
    expect(report.consultations.byChannel.rows).toContainEqual(
      expect.objectContaining({ key: 'online', count: 2 }),
    );
  });
});

describe("canned replies in the writer's language", () => {
  let hotline: RunningHotline;
  afterAll(() => hotline?.stop());

  it("offers the coordinator's list for each language, each kept with its language when the hotline's changes", async () => {
    hotline = await startHotline({}, undefined, {
      clock: new ManualClock('2026-11-23T19:00:00+08:00'),
    });
    const admin = await hotline.signIn();
    const { body: hotlines } = await hotline.as(admin).get('/api/hotlines').expect(200);
    const hotlineId = (hotlines as { id: string }[])[0].id;
    const OWN = ['你好，我在听。'];
    const SECOND = ["Hello, I'm listening."];
    const { body: saved } = await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ chat: { cannedReplies: OWN, secondLanguageCannedReplies: SECOND } })
      .expect(200);
    expect(saved).toMatchObject({
      locale: 'zh-CN',
      chat: { cannedReplies: OWN, secondLanguageCannedReplies: SECOND },
    });
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ chat: { secondLanguageCannedReplies: [''] } })
      .expect(400);

    const volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
    const desk = await openChatDesk(hotline, volunteer.token);
    const replies = async (language: 'zh-CN' | 'en') => {
      const { chatId, token } = await openChat(hotline, { language });
      const writer = await connectWriter(hotline, token);
      await duty(hotline, volunteer).available();
      await duty(hotline, volunteer)
        .accept(await duty(hotline, volunteer).offer())
        .expect(204);
      const live = await until(
        () => desk.chats.live.find((chat) => chat.chatId === chatId),
        `the ${language} chat on the console`,
      );
      expect(await writer.end()).toEqual({ ok: true });
      writer.close();
      await until(() => desk.chats.ended.find((ended) => ended.chatId === chatId), 'its end');
      await command(desk, 'chat.wrapup', { chatId, contact: ROUTINE_CONTACT });
      return live.cannedReplies;
    };
    try {
      expect(await replies('zh-CN')).toEqual(OWN);
      expect(await replies('en')).toEqual(SECOND);

      // An English hotline now: the English list is its own, the Chinese one its second.
      const { body: english } = await hotline
        .as(admin)
        .patch(`/api/hotlines/${hotlineId}`)
        .send({ locale: 'en' })
        .expect(200);
      expect(english.chat).toMatchObject({
        cannedReplies: SECOND,
        secondLanguageCannedReplies: OWN,
      });
      expect(await replies('en')).toEqual(SECOND);
      expect(await replies('zh-CN')).toEqual(OWN);
    } finally {
      desk.close();
    }
  });
});
