import { ForbiddenException } from '@nestjs/common';
import { Hotline } from '../hotlines/hotline.entity';
import { Role, Volunteer } from './volunteer.entity';
import { VolunteerAccess } from './volunteer-access';

const hotline = (id: string) => Object.assign(new Hotline(), { id });
const person = (roles: Role[], hotlineIds: string[]) =>
  Object.assign(new Volunteer(), { id: roles.join('-'), roles, hotlines: hotlineIds.map(hotline) });

describe('VolunteerAccess', () => {
  const admin = new VolunteerAccess(person(['admin'], []));
  const coordinator = new VolunteerAccess(person(['coordinator'], ['city']));

  it('lets an admin see and manage everyone, and give any role on any hotline', () => {
    expect(admin.hotlineScope).toBeUndefined();
    expect(admin.canSee(person(['volunteer'], ['county']))).toBe(true);
    expect(() => admin.assertCanManage(person(['coordinator'], ['county']))).not.toThrow();
    expect(() => admin.assertCanGrant(['admin', 'coordinator'])).not.toThrow();
    expect(admin.unassignable(['county'])).toEqual([]);
  });

  it('limits a coordinator to the hotlines they work for', () => {
    expect(coordinator.hotlineScope).toEqual(['city']);
    expect(coordinator.canSee(person(['volunteer'], ['city', 'county']))).toBe(true);
    expect(coordinator.canSee(person(['volunteer'], ['county']))).toBe(false);
    expect(coordinator.unassignable(['city', 'county'])).toEqual(['county']);
  });

  it('lets a coordinator manage volunteers and supervisors only, and give only those roles', () => {
    expect(() =>
      coordinator.assertCanManage(person(['volunteer', 'supervisor'], ['city'])),
    ).not.toThrow();
    expect(() => coordinator.assertCanManage(person(['coordinator'], ['city']))).toThrow(
      ForbiddenException,
    );
    expect(() => coordinator.assertCanGrant(['supervisor'])).not.toThrow();
    expect(() => coordinator.assertCanGrant(['volunteer', 'coordinator', 'admin'])).toThrow(
      'Only an admin can give the coordinator and admin roles.',
    );
  });
});
