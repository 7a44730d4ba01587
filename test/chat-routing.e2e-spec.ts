import { ManualClock } from '@hotline/clock';
import { ChatSockets } from '../apps/hotline/src/chats/chat-sockets';
import { ChatWatch } from '../apps/hotline/src/chats/chat-watch';
import type { ChatColleague } from '@hotline/chat-protocol';
import type { QueueChange } from '@hotline/console-protocol';
import { OpenConsole, openConsole } from './support/console';
import { ROUTINE_CONTACT, duty, eventually, onBreak } from './support/duty';
import { RunningHotline } from './support/hotline-server';
import { Person, addPerson, ownPhone } from './support/people';
import { CallCentre, PhoneCall, startCallCentre } from './support/twilio';
import { OpenWriter, command, connectWriter, openChat, openChatDesk, until } from './support/chat';

describe('chats through the routing of calls', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let centre: CallCentre;
  let hotline: RunningHotline;
  let supervisor: Person;
  let wall: OpenConsole;
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    centre = await startCallCentre({ CONSOLE_GRACE_SECONDS: '1' }, { clock });
    hotline = centre.hotline;
    supervisor = await addPerson(hotline, { roles: ['supervisor'] });
    wall = await openConsole(hotline, supervisor.token);
    opened.push(wall);
    // On duty, taking nothing: callers queue and hold rather than being sent to a message.
    await onBreak(hotline, supervisor);
  });
  afterAll(async () => {
    for (const one of opened) one.close();
    await centre.stop();
  });

  const writerOf = async (token: string): Promise<OpenWriter> => {
    const writer = await connectWriter(hotline, token);
    opened.push(writer);
    return writer;
  };
  const deskOf = async (person: Person) => {
    const desk = await openChatDesk(hotline, person.token);
    opened.push(desk);
    return desk;
  };
  const wallSays = () => wall.changes();

  let volunteer: Person;
  let colleague: Person;
  let desk: Awaited<ReturnType<typeof deskOf>>;
  const chatIds: Record<string, string> = {};
  const writers: Record<string, OpenWriter> = {};
  let call: PhoneCall;

  it('offers a writer in danger before callers and writers who came earlier, and alerts the supervisors', async () => {
    const normal = await openChat(hotline);
    chatIds.normal = normal.chatId;
    writers.normal = await writerOf(normal.token);
    call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    expect((await call.choose('1', '1')).twiml).toContain('<Enqueue');
    await call.hold();
    clock.advance({ seconds: 5 });
    const danger = await openChat(hotline, { danger: true, topic: 'other' });
    chatIds.danger = danger.chatId;
    writers.danger = await writerOf(danger.token);

    // The wall shows the chats in the queue beside the call, and the alert of the danger.
    const alert = await until(
      () =>
        wallSays().find(
          (change): change is Extract<QueueChange, { type: 'alert' }> =>
            change.type === 'alert' && change.alert.chatId === danger.chatId,
        ),
      'the danger alert on the wall',
    );
    expect(alert.alert).toMatchObject({ reason: 'danger_key', callId: null });
    const queued = await until(
      () =>
        wallSays().find(
          (change) =>
            change.type === 'call' &&
            change.call.callId === danger.chatId &&
            change.call.channel === 'chat',
        ),
      'the chat on the wall',
    );
    expect(queued).toMatchObject({ call: { priority: 'crisis', callerType: 'pupil' } });

    volunteer = await addPerson(hotline, { topicSkills: ['emotional'], phone: ownPhone() });
    desk = await deskOf(volunteer);
    await duty(hotline, volunteer).available();
    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({ chatId: danger.chatId, priority: 'crisis', channel: 'chat' });
    await duty(hotline, volunteer).accept(offer).expect(204);
  });

  it('gives a volunteer a second chat while chatting, but no third and no call', async () => {
    // Free for a second chat: the waiting one rings (the call waits for someone free of chats).
    const second = await duty(hotline, volunteer).offer();
    expect(second).toMatchObject({ chatId: chatIds.normal });
    await duty(hotline, volunteer).accept(second).expect(204);
    await until(() => writers.normal.answered.length === 1, 'the second chat answered');

    const third = await openChat(hotline);
    chatIds.third = third.chatId;
    writers.third = await writerOf(third.token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await duty(hotline, volunteer).noOffer()).toBe(true);
    const { body: queue } = await hotline.as(supervisor.token).get('/api/queue').expect(200);
    expect(queue.volunteers).toContainEqual(
      expect.objectContaining({ id: volunteer.id, state: 'talking' }),
    );
    expect(desk.snapshot.me.maxChats).toBe(2);

    // A colleague free of everything is offered the call that came first, not the chat.
    colleague = await addPerson(hotline, {
      name: 'Liu Colleague',
      topicSkills: ['emotional'],
      phone: ownPhone(),
    });
    await duty(hotline, colleague).available();
    const offer = await duty(hotline, colleague).offer();
    expect((offer as { channel?: string }).channel).toBeUndefined();
    expect(offer.callId).not.toBe(chatIds.third);
    await duty(hotline, colleague).decline(offer).expect(204);
    await call.hangUp();
  });

  it('frees a place when a chat is written up, and then offers the next chat', async () => {
    expect(await command(desk, 'chat.end', { chatId: chatIds.normal })).toEqual({ ok: true });
    await until(() => writers.normal.ended[0]?.reason === 'volunteer', 'the end');
    await until(
      () => desk.chats.ended.find((ended) => ended.chatId === chatIds.normal),
      'the panel closed',
    );
    // The place is taken until the record is written.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await duty(hotline, volunteer).noOffer()).toBe(true);
    expect(
      await command(desk, 'chat.wrapup', { chatId: chatIds.normal, contact: ROUTINE_CONTACT }),
    ).toMatchObject({ ok: true, me: { chatIds: [chatIds.danger] } });
    const next = await duty(hotline, volunteer).offer();
    expect(next).toMatchObject({ chatId: chatIds.third });
    await duty(hotline, volunteer).accept(next).expect(204);
  });

  it('lets a supervisor read a chat, join it and leave it, each read audited', async () => {
    const supervising = await deskOf(supervisor);
    const joined = await command<{ chat: { messages: unknown[]; participants: unknown[] } }>(
      supervising,
      'chat.join',
      { chatId: chatIds.danger },
    );
    expect(joined).toMatchObject({ ok: true, chat: { chatId: chatIds.danger, phase: 'talking' } });
    await until(
      () =>
        writers.danger.messages.find(
          (message) => message.from === 'system' && message.text.includes('督导'),
        ),
      'the writer told a supervisor joined',
    );
    await until(
      () =>
        desk.chats.live.find(
          (chat) =>
            chat.chatId === chatIds.danger &&
            chat.participants.some((p) => p.volunteerId === supervisor.id),
        ),
      "the volunteer's panel shows the supervisor",
    );
    expect(
      await command(supervising, 'chat.send', { chatId: chatIds.danger, text: '你现在安全吗？' }),
    ).toMatchObject({ ok: true });
    await until(
      () => writers.danger.messages.find((message) => message.text === '你现在安全吗？'),
      "the supervisor's message at the page",
    );
    // A volunteer may not join; a supervisor not in the chat may not write in it.
    expect(await command(desk, 'chat.join', { chatId: chatIds.third })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
    expect(await command(supervising, 'chat.leave', { chatId: chatIds.danger })).toEqual({
      ok: true,
    });
    expect(
      await command(supervising, 'chat.send', { chatId: chatIds.danger, text: '再见' }),
    ).toMatchObject({ ok: false, error: 'not_yours' });
    const { body: trail } = await hotline
      .as(supervisor.token)
      .get(`/api/audit?subjectId=${chatIds.danger}`)
      .expect(200);
    expect(trail.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['chat.transcript.read', 'chat.joined']),
    );
  });

  it('opens a crisis case from the chat, as during a call', async () => {
    const crisis = await command<{ crisisCaseId: string }>(desk, 'chat.crisis', {
      chatId: chatIds.third,
    });
    expect(crisis).toMatchObject({ ok: true, crisisCaseId: expect.any(String) });
    const caseId = (crisis as { crisisCaseId: string }).crisisCaseId;
    await until(
      () =>
        desk.chats.live.find(
          (chat) => chat.chatId === chatIds.third && chat.crisisCaseId === caseId,
        ),
      'the panel shows the case',
    );
    await until(
      () =>
        wallSays().find(
          (change) =>
            change.type === 'alert' &&
            change.alert.reason === 'crisis_now' &&
            change.alert.chatId === chatIds.third,
        ),
      'the crisis-now alert',
    );
  });

  it('passes a chat to a colleague, or back to the queue in its place', async () => {
    const colleagueDesk = await deskOf(colleague);
    // Not to oneself; not to someone missed a moment ago.
    expect(
      await command(desk, 'chat.transfer', {
        chatId: chatIds.third,
        to: { volunteerId: volunteer.id },
      }),
    ).toMatchObject({ ok: false, error: 'invalid' });
    expect(
      await command(desk, 'chat.transfer', {
        chatId: chatIds.third,
        to: { volunteerId: colleague.id },
      }),
    ).toMatchObject({ ok: false, error: 'unavailable' });
    // The volunteer's console, which has no list of those on duty, asks whom it may pass to.
    const colleaguesNow = async () => {
      const ack = await command<{ colleagues: ChatColleague[] }>(desk, 'chat.colleagues', {
        chatId: chatIds.third,
      });
      if (!ack.ok) throw new Error(`chat.colleagues refused: ${JSON.stringify(ack)}`);
      return ack.colleagues;
    };
    expect((await colleaguesNow()).map((one) => one.id)).not.toContain(colleague.id);
    // Only its volunteer may ask.
    expect(
      await command(colleagueDesk, 'chat.colleagues', { chatId: chatIds.third }),
    ).toMatchObject({ ok: false });
    // Back from the missed offer, the colleague is free for a chat.
    clock.advance({ seconds: 60 });
    await eventually(async () => {
      const { body } = await hotline.as(supervisor.token).get('/api/queue');
      return body.volunteers.some(
        (v: { id: string; state: string }) => v.id === colleague.id && v.state === 'available',
      )
        ? true
        : undefined;
    }, 'the colleague back');
    expect(await colleaguesNow()).toContainEqual({
      id: colleague.id,
      name: 'Liu Colleague',
      role: 'volunteer',
    });
    expect(
      await command(desk, 'chat.transfer', {
        chatId: chatIds.third,
        to: { volunteerId: colleague.id },
      }),
    ).toEqual({ ok: true });
    await until(
      () => colleagueDesk.chats.live.find((chat) => chat.chatId === chatIds.third),
      "the chat on the colleague's console",
    );
    await until(
      () => desk.chats.ended.find((e) => e.chatId === chatIds.third && e.reason === 'transferred'),
      'the chat gone from the volunteer',
    );
    await until(
      () => writers.third.messages.find((m) => m.from === 'system' && m.text.includes('另一位')),
      'the writer told',
    );
    expect(
      await command(colleagueDesk, 'chat.transfer', { chatId: chatIds.third, to: 'queue' }),
    ).toEqual({ ok: true });
    await until(
      () => writers.third.messages.find((m) => m.text.includes('队伍最前面')),
      'the writer told they are back in the queue',
    );
  });

  it("puts a volunteer's chats back in the queue when their console is gone for the grace period", async () => {
    const { chatId } = { chatId: chatIds.danger };
    desk.close();
    // The watch finds the console gone, then, the grace period later, lets the chats go.
    const watch = hotline.app.get(ChatWatch);
    const sockets = hotline.app.get(ChatSockets);
    await eventually(
      async () => ((await sockets.consoleOpen(volunteer.id)) ? undefined : true),
      'the server to see the console gone',
    );
    await watch.checkOpenChats();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await watch.checkOpenChats();
    await until(
      () => writers.danger.messages.find((m) => m.from === 'system' && m.text.includes('断开')),
      'the writer told the volunteer was lost',
      10_000,
    );
    const { body: queue } = await hotline.as(supervisor.token).get('/api/queue').expect(200);
    expect(queue.calls).toContainEqual(expect.objectContaining({ callId: chatId }));
    // Gone, they are offered nothing more.
    expect(queue.volunteers).toContainEqual(
      expect.objectContaining({ id: volunteer.id, state: 'offline' }),
    );
  });
});
