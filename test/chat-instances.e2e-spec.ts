import { ROUTINE_CONTACT, eventually } from './support/duty';
import type { RunningHotline } from './support/hotline-server';
import { Instance, clusterEnv, handle, startInstance } from './support/instances';
import { Person, addPerson } from './support/people';
import { TestDatabase, createTestDatabase, testDatabaseKind } from './support/test-database';
import { OpenWriter, command, connectWriter, openChat, openChatDesk, until } from './support/chat';

const LEASE_MS = 1500;
const onMariaDb = testDatabaseKind() === 'mysql';

(onMariaDb ? describe : describe.skip)(
  'live chats on several instances (MariaDB only: several instances need a shared server database; run with TEST_DATABASE=mysql)',
  () => {
    let database: TestDatabase;
    let a: Instance;
    let b: Instance;
    let viaA: RunningHotline;
    let viaB: RunningHotline;
    let volunteer: Person;
    const opened: { close(): void }[] = [];

    beforeAll(async () => {
      database = await createTestDatabase('mysql');
      const env = clusterEnv(database, LEASE_MS);
      // A first, so it creates the default hotline and wins the lease; then B joins it.
      a = await startInstance('a', env);
      b = await startInstance('b', env);
      viaA = handle(a, database);
      viaB = handle(b, database);
      const admin = await viaB.signIn();
      const { body: hotlines } = await viaB
        .http()
        .get('/api/hotlines')
        .set('Authorization', `Bearer ${admin}`)
        .expect(200);
      // One chat a volunteer: the second writer waits through the failover.
      await viaB
        .http()
        .patch(`/api/hotlines/${hotlines[0].id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ routing: { maxChats: 1 } })
        .expect(200);
      volunteer = await addPerson(viaB, { topicSkills: ['emotional'] }, admin);
    }, 60_000);

    afterAll(async () => {
      for (const one of opened) one.close();
      await Promise.all([a, b].flatMap((instance) => (instance ? [instance.stop('SIGTERM')] : [])));
      await database?.drop();
    });

    const writerOn = async (via: RunningHotline, token: string): Promise<OpenWriter> => {
      const writer = await connectWriter(via, token);
      opened.push(writer);
      return writer;
    };

    it('carries a chat between a writer on one instance and a volunteer on another, and through a failover', async () => {
      expect(a.output()).toContain('Instance a leads the routing');
      const desk = await openChatDesk(viaA, volunteer.token);
      opened.push(desk);
      expect(await desk.socket.emitWithAck('presence.set', { state: 'available' })).toMatchObject({
        ok: true,
      });

      // The writer's page reaches B; the offer rings the console on A.
      const offers: { offerId: string; chatId?: string }[] = [];
      desk.socket.on('offer.ringing', (offer) => offers.push(offer));
      const talking = await openChat(viaB);
      const writer = await writerOn(viaB, talking.token);
      const offer = await until(() => offers.find((o) => o.chatId === talking.chatId), 'the offer');
      expect(await desk.socket.emitWithAck('offer.accept', { offerId: offer.offerId })).toEqual({
        ok: true,
      });
      await until(() => writer.answered.length === 1, 'the writer on B told of the answer');
      await until(
        () => desk.chats.live.find((chat) => chat.chatId === talking.chatId),
        'the chat on A',
      );
      expect(await writer.send('从B发出')).toMatchObject({ ok: true });
      await until(
        () => desk.chats.messages.find((m) => m.message.text === '从B发出'),
        'the message across instances',
      );
      expect(
        await command(desk, 'chat.send', { chatId: talking.chatId, text: '从A回复' }),
      ).toMatchObject({ ok: true });
      await until(() => writer.messages.find((m) => m.text === '从A回复'), 'the reply across');

      const waiting = await openChat(viaB);
      const waitingWriter = await writerOn(viaB, waiting.token);
      expect(waitingWriter.state.phase).toBe('waiting');

      // The leader dies; the volunteer's console comes back through B, which takes over.
      await a.stop('SIGKILL');
      await eventually(
        async () => (b.output().includes('Instance b leads the routing') ? true : undefined),
        'instance B to take over',
        LEASE_MS * 4,
      );
      const again = await openChatDesk(viaB, volunteer.token);
      opened.push(again);
      const live = await until(
        () => again.chats.live.find((chat) => chat.chatId === talking.chatId),
        'the chat back on the console',
      );
      expect(live.messages.map((m) => m.text)).toEqual(['从B发出', '从A回复']);
      expect(
        await command(again, 'chat.send', { chatId: talking.chatId, text: '换了服务器' }),
      ).toMatchObject({ ok: true });
      await until(() => writer.messages.find((m) => m.text === '换了服务器'), 'after the failover');
      expect(await writer.send('收到')).toMatchObject({ ok: true });
      await until(
        () => again.chats.messages.find((m) => m.message.text === '收到'),
        'the writer heard after the failover',
      );

      // The waiting writer kept their place in the rebuilt queue: they are next.
      const nextOffers: { offerId: string; chatId?: string }[] = [];
      again.socket.on('offer.ringing', (ringing) => nextOffers.push(ringing));
      expect(await command(again, 'chat.end', { chatId: talking.chatId })).toEqual({ ok: true });
      expect(
        await command(again, 'chat.wrapup', { chatId: talking.chatId, contact: ROUTINE_CONTACT }),
      ).toMatchObject({ ok: true });
      const next = await until(
        () => nextOffers.find((o) => o.chatId === waiting.chatId),
        'the waiting chat offered',
      );
      expect(await again.socket.emitWithAck('offer.accept', { offerId: next.offerId })).toEqual({
        ok: true,
      });
      await until(() => waitingWriter.answered.length === 1, 'the waiting writer answered');

      // Two chats in, two records, each answered once; the messages stored once each.
      const chats = await database.query<{ id: string; outcome: string | null; status: string }>(
        'SELECT id, outcome, status FROM chat',
      );
      expect(chats).toHaveLength(2);
      const accepted = await database.query<{ chat_id: string; accepted: number }>(
        "SELECT chat_id, COUNT(*) AS accepted FROM chat_offer WHERE result = 'accepted' GROUP BY chat_id",
      );
      expect(accepted.map((row) => Number(row.accepted))).toEqual([1, 1]);
      const messages = await database.query<{ count: number }>(
        'SELECT COUNT(*) AS count FROM chat_message WHERE chat_id = ?',
        [talking.chatId],
      );
      expect(Number(messages[0].count)).toBe(4);
    }, 60_000);
  },
);
