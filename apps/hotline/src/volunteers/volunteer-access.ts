import { ForbiddenException } from '@nestjs/common';
import type { Role, Volunteer } from './volunteer.entity';

const STAFF_ROLES: readonly Role[] = ['volunteer', 'supervisor'];

/**
 * Who may manage whom. An admin manages everyone. A coordinator manages volunteers and
 * supervisors of the hotlines they belong to, and can give only those two roles; making
 * someone a coordinator or admin takes an admin.
 */
export class VolunteerAccess {
  constructor(private readonly actor: Volunteer) {}

  get isAdmin(): boolean {
    return this.actor.hasRole('admin');
  }

  /** Hotline ids the actor's reads are limited to; undefined means all (admin). */
  get hotlineScope(): string[] | undefined {
    return this.isAdmin ? undefined : this.actor.hotlineIds();
  }

  canSee(target: Volunteer): boolean {
    const scope = this.hotlineScope;
    return !scope || target.hotlines.some((hotline) => scope.includes(hotline.id));
  }

  assertCanManage(target: Volunteer): void {
    if (!this.isAdmin && !target.roles.every((role) => STAFF_ROLES.includes(role))) {
      throw new ForbiddenException(
        "Only an admin can change a coordinator's or an admin's profile.",
      );
    }
  }

  assertCanGrant(roles: readonly Role[]): void {
    const refused = roles.filter((role) => !this.isAdmin && !STAFF_ROLES.includes(role));
    if (refused.length > 0)
      throw new ForbiddenException(
        `Only an admin can give the ${refused.join(' and ')} role${refused.length > 1 ? 's' : ''}.`,
      );
  }

  /** Hotline ids outside what the actor may assign. */
  unassignable(hotlineIds: readonly string[]): string[] {
    const scope = this.hotlineScope;
    return scope ? hotlineIds.filter((id) => !scope.includes(id)) : [];
  }
}
