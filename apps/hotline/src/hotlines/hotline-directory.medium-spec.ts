import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { ServiceTest, serviceTest } from '../../../../test/support/service-module';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { HotlineDirectory } from './hotline-directory';
import { Hotline } from './hotline.entity';
import { HotlinesService } from './hotlines.service';

describe('HotlineDirectory (service on a real database)', () => {
  let test: ServiceTest;
  let directory: HotlineDirectory;
  let rows: Repository<Hotline>;
  let first: Hotline;
  let second: Hotline;

  const hotline = (name: string, phoneNumber?: string) => {
    test.clock.advance({ days: 1 });
    return test.get(HotlinesService).create({ name, phoneNumber }, 'Asia/Shanghai');
  };

  beforeAll(async () => {
    test = await serviceTest([HotlineDirectory, HotlinesService]);
    directory = test.get(HotlineDirectory);
    rows = test.repository(Hotline);
    first = await hotline('City line', '+8675500000001');
    second = await hotline('County line', '+8675500000002');
  });
  afterAll(() => test.close());

  it('finds the hotline whose number was dialled', async () => {
    expect((await directory.called('+8675500000002')).id).toBe(second.id);
  });

  it('sends a number no hotline has, or no number, to the oldest hotline', async () => {
    expect((await directory.called('+8675599999999')).id).toBe(first.id);
    expect((await directory.called(undefined)).id).toBe(first.id);
  });

  it('reads settings once: a change written behind its back is not seen until told', async () => {
    await directory.hotline(first.id);
    await rows.update(first.id, { name: 'Renamed behind its back' });
    expect((await directory.hotline(first.id)).name).toBe('City line');
  });

  it('takes new settings when told, and publishes them as hotline.changed', async () => {
    const seen: HotlineEvent[] = [];
    const subscription = test.get(HotlineEvents).stream.subscribe((event) => seen.push(event));
    const changed = Object.assign(await rows.findOneByOrFail({ id: second.id }), {
      name: 'County line 2',
    });
    directory.changed(changed);
    subscription.unsubscribe();
    expect((await directory.hotline(second.id)).name).toBe('County line 2');
    expect(seen).toEqual([{ type: 'hotline.changed', hotlineId: second.id, hotline: changed }]);
  });

  it('forgets dialled numbers on a change, so a number moved to another hotline is found there', async () => {
    expect((await directory.called('+8675500000001')).id).toBe(first.id);
    await rows.update(first.id, { phoneNumber: null });
    await rows.update(second.id, { phoneNumber: '+8675500000001' });
    directory.changed(await rows.findOneByOrFail({ id: second.id }));
    expect((await directory.called('+8675500000001')).id).toBe(second.id);
  });

  it('refuses a hotline that does not exist, and finds it once it does', async () => {
    const id = randomUUID();
    await expect(directory.hotline(id)).rejects.toThrow();
    await rows.update(first.id, { id });
    expect((await directory.hotline(id)).name).toBe('Renamed behind its back');
  });
});
