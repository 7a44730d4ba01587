import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Volunteer } from '../volunteers/volunteer.entity';

/**
 * The hotline a person acts on: the one asked for, if they work for it or a unit role of theirs
 * reaches it (admins: any), else their first. Another hotline is answered 404, as if it did
 * not exist.
 */
export function hotlineFor(actor: Volunteer, hotlineId?: string): string {
  if (!hotlineId) {
    if (actor.hotlines.length > 0)
      return [...actor.hotlines].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0]
        .id;
    const reached = actor.reachedHotlineIds ?? [];
    if (reached.length === 0) throw new ForbiddenException('You do not work for any hotline yet.');
    return reached[0];
  }
  if (!actor.worksFor(hotlineId))
    throw new NotFoundException(`No hotline ${hotlineId} among the hotlines you work for.`);
  return hotlineId;
}
