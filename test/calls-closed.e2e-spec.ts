import { RunningHotline } from './support/hotline-server';
import { addPerson } from './support/people';
import { callRecord } from './support/duty';
import { CallCentre, PhoneCall, says, startCallCentre } from './support/twilio';

describe('calls outside opening hours', () => {
  let centre: CallCentre;
  let hotline: RunningHotline;
  let admin: string;
  let hotlineId: string;

  beforeAll(async () => {
    // Monday 23 November 2026, 10:00 in Shanghai: the evening line is closed.
    centre = await startCallCentre({ HOTLINE_CLOCK_START: '2026-11-23T10:00:00+08:00' });
    ({ hotline, admin, hotlineId } = centre);
  });
  afterAll(() => centre.stop());

  it('tells the hours, the next opening and the emergency numbers, and offers a call-back', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    const answer = await call.dial();
    const spoken = says(answer.twiml).join(' ');
    expect(spoken).toContain('热线每天18:00到22:00开放。');
    expect(spoken).toContain('下次开放时间是11月23日 星期一 18:00。');
    expect(spoken).toMatch(/110.*120.*12356/);
    expect(answer.twiml).toMatch(
      /<Gather [^>]*action="https:\/\/hotline\.test\/twilio\/voice\/callback\?reason=closed_hours"/,
    );
    expect(answer.twiml).not.toContain('<Enqueue');
    expect(await callRecord(hotline, call.callSid)).toMatchObject({
      outcome: 'closed_hours',
      status: 'ended',
    });
    // Operations see it too: every outcome is counted, not only the queue's.
    const metrics = await hotline.http().get('/metrics').expect(200);
    expect(metrics.text).toContain(
      `hotline_calls_total{hotline="${hotlineId}",outcome="closed_hours"} 1`,
    );

    const recorded = await call.post('callback?reason=closed_hours', { Digits: '1' });
    expect(says(recorded.twiml).join(' ')).toContain('11月23日晚上给你回电');
    await call.post('callback?reason=closed_hours', { Digits: '1' });
    await call.hangUp();

    // The call-back list is the hotline's people's, not an admin's; it never holds a number.
    await hotline.as(admin).get('/api/callback-requests').expect(403);
    const { token: supervisor } = await addPerson(hotline, { roles: ['supervisor'] });
    const list = await hotline.as(supervisor).get('/api/callback-requests').expect(200);
    const { id: callId } = await callRecord(hotline, call.callSid);
    const mine = list.body.items.filter((request: { callId: string }) => request.callId === callId);
    expect(mine).toEqual([
      expect.objectContaining({
        reason: 'closed_hours',
        forDate: '2026-11-23',
        doneAt: null,
        canCallBack: true,
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(call.from.slice(1));

    await hotline.as(supervisor).post(`/api/callback-requests/${mine[0].id}/done`).expect(204);
    const after = await hotline.as(supervisor).get('/api/callback-requests').expect(200);
    expect(
      after.body.items.find((request: { id: string }) => request.id === mine[0].id),
    ).toBeUndefined();
  });

  it('says goodbye with the emergency numbers when no call-back is wanted', async () => {
    const call = new PhoneCall(hotline.baseUrl);
    await call.dial();
    const answer = await call.post('callback?reason=closed_hours', { Digits: '' });
    expect(answer.twiml).toContain('<Hangup/>');
    expect(says(answer.twiml).join(' ')).toMatch(/12356/);
  });

  it('stays closed on a closure day, says so, and names the next opening', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ closures: [{ date: '2026-11-23', reason: '培训' }] })
      .expect(200);
    const call = new PhoneCall(hotline.baseUrl);
    const spoken = says((await call.dial()).twiml).join(' ');
    expect(spoken).toContain('今天热线暂停服务。');
    expect(spoken).toContain('下次开放时间是11月24日 星期二 18:00。');
    await hotline.as(admin).patch(`/api/hotlines/${hotlineId}`).send({ closures: [] }).expect(200);
  });

  it('speaks English for an English-language hotline', async () => {
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ locale: 'en', closedMessage: 'In an emergency call 110 or 120.' })
      .expect(200);
    const spoken = says((await new PhoneCall(hotline.baseUrl).dial()).twiml).join(' ');
    expect(spoken).toContain('The hotline is open every day from 18:00 to 22:00.');
    expect(spoken).toContain('We next open on Monday 23 November at 18:00.');
    expect(spoken).toContain('In an emergency call 110 or 120.');
    await hotline
      .as(admin)
      .patch(`/api/hotlines/${hotlineId}`)
      .send({ locale: 'zh-CN' })
      .expect(200);
  });

  it('shows a volunteer only the call-backs assigned to them', async () => {
    const volunteer = await addPerson(hotline);
    const list = await hotline.as(volunteer.token).get('/api/callback-requests').expect(200);
    expect(list.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });
});
