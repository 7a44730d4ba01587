import { Hotline } from '../hotlines/hotline.entity';
import { Role, Volunteer } from '../volunteers/volunteer.entity';
import { ContactAccess } from './contact-access';

const person = (id: string, roles: Role[], hotlines: string[]) =>
  Object.assign(new Volunteer(), {
    id,
    roles,
    hotlines: hotlines.map((hotlineId) => Object.assign(new Hotline(), { id: hotlineId })),
  });

describe('ContactAccess', () => {
  const record = { hotlineId: 'city', volunteerId: 'v1' };

  it.each([
    ['its own volunteer', person('v1', ['volunteer'], ['city']), true, true],
    ['another volunteer', person('v2', ['volunteer'], ['city']), false, false],
    ['a supervisor of the hotline', person('s', ['supervisor'], ['city']), true, true],
    ['a supervisor of another hotline', person('s', ['supervisor'], ['county']), false, false],
    ['a coordinator of the hotline', person('c', ['coordinator'], ['city']), true, false],
    ['an admin', person('a', ['admin'], []), true, false],
    ['an admin who also supervises', person('a', ['admin', 'supervisor'], []), true, true],
  ])('%s: reads %s, handles notes %s', (_, actor, reads, handles) => {
    expect(ContactAccess.mayRead(actor, record)).toBe(reads);
    expect(ContactAccess.mayHandle(actor, record)).toBe(handles);
  });
});
