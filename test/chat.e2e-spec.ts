import { ManualClock } from '@hotline/clock';
import { OpenConsole, openConsole } from './support/console';
import { ROUTINE_CONTACT, duty } from './support/duty';
import { RunningHotline, startHotline } from './support/hotline-server';
import { Person, addPerson } from './support/people';
import { command, connectWriter, openChat, until, watchChats } from './support/chat';

describe('a live chat from the request to the wrap-up', () => {
  const clock = new ManualClock('2026-11-23T19:00:00+08:00');
  let hotline: RunningHotline;
  let volunteer: Person;
  const consoles: OpenConsole[] = [];

  beforeAll(async () => {
    hotline = await startHotline({}, undefined, { clock });
    volunteer = await addPerson(hotline, { topicSkills: ['emotional'] });
  });
  afterAll(async () => {
    for (const open of consoles) open.close();
    await hotline.stop();
  });

  it('is offered like a call, answered, and written up as an online contact', async () => {
    const desk = await openConsole(hotline, volunteer.token);
    consoles.push(desk);
    const chats = watchChats(desk);
    await duty(hotline, volunteer).available();

    const { chatId, token } = await openChat(hotline);
    const writer = await connectWriter(hotline, token);
    expect(writer.state).toMatchObject({ chatId, phase: 'waiting', endReason: null });

    const offer = await duty(hotline, volunteer).offer();
    expect(offer).toMatchObject({ callId: chatId, chatId, channel: 'chat', topic: 'emotional' });
    await duty(hotline, volunteer).accept(offer).expect(204);
    await until(() => writer.answered.length > 0, 'the writer told of the answer');
    const live = await until(() => chats.live.find((chat) => chat.chatId === chatId), 'chat.live');
    expect(live).toMatchObject({ phase: 'talking', callerType: 'pupil', topic: 'emotional' });

    const sent = await writer.send('我最近总是睡不着');
    expect(sent).toMatchObject({ ok: true, message: { from: 'writer', text: '我最近总是睡不着' } });
    await until(
      () => chats.messages.find((m) => m.message.text === '我最近总是睡不着'),
      'the message on the console',
    );

    const answer = await command(desk, 'chat.send', { chatId, text: '我在听，慢慢说' });
    expect(answer).toMatchObject({ ok: true });
    await until(
      () => writer.messages.find((m) => m.text === '我在听，慢慢说' && m.from === 'volunteer'),
      'the answer',
    );

    expect(await writer.end()).toEqual({ ok: true });
    await until(() => chats.ended.find((e) => e.chatId === chatId), 'chat.live.ended');
    const wrapped = await command<{ contact: { id: string } }>(desk, 'chat.wrapup', {
      chatId,
      contact: ROUTINE_CONTACT,
    });
    expect(wrapped).toMatchObject({ ok: true });
    const contactId = (wrapped as { contact: { id: string } }).contact.id;
    const record = await hotline.as(volunteer.token).get(`/api/contacts/${contactId}`).expect(200);
    expect(record.body).toMatchObject({ channel: 'online', chatId, callId: null });
    writer.close();
  });
});
