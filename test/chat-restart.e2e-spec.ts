import { randomBytes } from 'node:crypto';
import { ManualClock } from '@hotline/clock';
import { ROUTINE_CONTACT, duty } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { TestDatabase, createTestDatabase } from './support/test-database';
import { OpenWriter, command, connectWriter, openChat, openChatDesk, until } from './support/chat';

/**
 * A restart in the middle of an evening: the server stops with a chat in conversation and one
 * waiting, and starts again on the same database. Nothing is kept in memory between the two.
 */
describe('chats through a restart of the server', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  const secrets = {
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
  let database: TestDatabase;
  let hotline: RunningHotline;
  let volunteer: Person;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    hotline = await startHotline(secrets, database, { clock });
  });
  afterAll(async () => {
    for (const one of opened) one.close();
    await hotline.stop();
    await database.drop();
  });

  it('rebuilds the conversation, the queue and the messages from the database', async () => {
    const admin = await hotline.signIn();
    const { body: hotlines } = await hotline.as(admin).get('/api/hotlines').expect(200);
    // One chat a volunteer: the second writer waits.
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlines[0].id}`)
      .send({ routing: { maxChats: 1 } })
      .expect(200);
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
    const before = await openChatDesk(hotline, volunteer.token);
    opened.push(before);
    await duty(hotline, volunteer).available();
    const talking = await openChat(hotline);
    const first = await connectWriter(hotline, talking.token);
    opened.push(first);
    await duty(hotline, volunteer)
      .accept(await duty(hotline, volunteer).offer())
      .expect(204);
    await first.send('重启之前');
    await until(() => before.chats.messages.length === 1, 'the message before the restart');
    clock.advance({ seconds: 30 });
    const waiting = await openChat(hotline);
    const second = await connectWriter(hotline, waiting.token);
    opened.push(second);
    expect(second.state.phase).toBe('waiting');

    await hotline.stop();
    hotline = await startHotline(secrets, database, { clock });

    // The volunteer's console comes back: the chat is theirs, its messages with it.
    const after = await openChatDesk(hotline, volunteer.token);
    opened.push(after);
    const live = await until(
      () => after.chats.live.find((chat) => chat.chatId === talking.chatId),
      'the chat back on the console',
    );
    expect(live.messages.map((message) => message.text)).toEqual(['重启之前']);
    expect(after.snapshot.me).toMatchObject({ state: 'talking', chatIds: [talking.chatId] });
    expect(after.snapshot.calls).toContainEqual(
      expect.objectContaining({ callId: waiting.chatId, channel: 'chat', phase: 'waiting' }),
    );

    // The writers' pages reconnect with their tokens.
    const resumed: OpenWriter = await connectWriter(hotline, talking.token);
    opened.push(resumed);
    expect(resumed.state).toMatchObject({ phase: 'talking' });
    expect(resumed.state.messages.map((message) => message.text)).toEqual(['重启之前']);
    const stillWaiting = await connectWriter(hotline, waiting.token);
    opened.push(stillWaiting);
    expect(stillWaiting.state).toMatchObject({ phase: 'waiting', queue: { position: 1 } });

    expect(
      await command(after, 'chat.send', { chatId: talking.chatId, text: '重启之后' }),
    ).toMatchObject({ ok: true });
    await until(() => resumed.messages.find((m) => m.text === '重启之后'), 'the reply after');
    expect(await command(after, 'chat.end', { chatId: talking.chatId })).toEqual({ ok: true });
    expect(
      await command(after, 'chat.wrapup', { chatId: talking.chatId, contact: ROUTINE_CONTACT }),
    ).toMatchObject({ ok: true });
    // The waiting writer kept their place: they are next.
    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({ chatId: waiting.chatId });
    await duty(hotline, volunteer).accept(offer).expect(204);
    await until(() => stillWaiting.answered.length === 1, 'the waiting writer answered');
  });
});
