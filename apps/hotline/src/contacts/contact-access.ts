import type { Volunteer } from '../volunteers/volunteer.entity';

/**
 * Who may see what of a consultation. Volunteers: their own records, notes included.
 * Supervisors: every record of their hotlines, notes included. Coordinators and admins: the
 * anonymous fields only (what statistics need), unless they also hold the supervisor role.
 */
export const ContactAccess = {
  supervises(actor: Volunteer, hotlineId: string): boolean {
    return actor.hasRole('supervisor') && actor.worksFor(hotlineId);
  },

  /** Sees the record at all (anonymous fields). */
  mayRead(actor: Volunteer, record: { hotlineId: string; volunteerId: string | null }): boolean {
    return (
      record.volunteerId === actor.id ||
      ContactAccess.supervises(actor, record.hotlineId) ||
      (actor.hasRole('coordinator', 'admin') && actor.worksFor(record.hotlineId))
    );
  },

  /** Reads and writes its confidential text: its own volunteer and the hotline's supervisors. */
  mayHandle(actor: Volunteer, record: { hotlineId: string; volunteerId: string | null }): boolean {
    return record.volunteerId === actor.id || ContactAccess.supervises(actor, record.hotlineId);
  },

  /** Sees every record of the hotline rather than only their own. */
  seesHotline(actor: Volunteer): boolean {
    return actor.hasRole('supervisor', 'coordinator', 'admin');
  },
};
