import { AuditEvent } from '../audit/audit-event.entity';
import {
  AvailabilityDate,
  Booking,
  BookingClaim,
  BookingSettings,
  ExpertAvailability,
  Room,
  WaitlistEntry,
} from '../bookings/booking.entity';
import { CallOffer } from '../calls/call-offer.entity';
import { Call } from '../calls/call.entity';
import { CallbackRequest } from '../calls/callback-request.entity';
import { CallParticipant } from '../calls/conference/call-participant.entity';
import { RoutingEpoch } from '../calls/routing-epoch.entity';
import { PresenceChange } from '../calls/presence-change.entity';
import { ContactDraftRecord } from '../contacts/contact-draft.entity';
import { Contact, ContactTopic } from '../contacts/contact.entity';
import { CrisisAlertRecord } from '../crisis/crisis-alert.entity';
import { CrisisCase, CrisisFollowUp } from '../crisis/crisis-case.entity';
import { Partner } from '../crisis/partner.entity';
import { Hotline } from '../hotlines/hotline.entity';
import { Shift, ShiftSignup, ShiftTemplate } from '../shifts/shift.entity';
import { StatsDay, StatsMonth } from '../statistics/rollup-cells.entity';
import { ImportBatch, ImportedRow } from '../imports/import-batch.entity';
import { Unit, UnitRole } from '../units/unit.entity';
import { Volunteer } from '../volunteers/volunteer.entity';
import { CallerBlock } from '../callers/caller-block.entity';
import { CallerProfile } from '../callers/caller-profile.entity';
import { ContactReview, ContactReviewEntry } from '../reviews/contact-review.entity';
import { CallbackAttempt } from '../callbacks/callback-attempt.entity';
import { Chat, ChatMessageRecord, ChatOffer, ChatParticipant } from '../chats/chat.entity';

/** Every entity, listed explicitly (globs break between ts-jest and the compiled build). */
export const ENTITIES = [
  AuditEvent,
  AvailabilityDate,
  Booking,
  BookingClaim,
  BookingSettings,
  Call,
  CallbackRequest,
  CallOffer,
  CallerBlock,
  CallerProfile,
  CallParticipant,
  Contact,
  ContactDraftRecord,
  ContactReview,
  ContactReviewEntry,
  ContactTopic,
  CrisisAlertRecord,
  CrisisCase,
  CrisisFollowUp,
  ExpertAvailability,
  Hotline,
  ImportBatch,
  ImportedRow,
  Partner,
  PresenceChange,
  Room,
  RoutingEpoch,
  Shift,
  ShiftSignup,
  ShiftTemplate,
  StatsDay,
  StatsMonth,
  Unit,
  UnitRole,
  Volunteer,
  WaitlistEntry,
  CallbackAttempt,
  Chat,
  ChatMessageRecord,
  ChatOffer,
  ChatParticipant,
];
