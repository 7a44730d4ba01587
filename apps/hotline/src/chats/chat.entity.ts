import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ChatEndReason, ChatLanguage, ChatWriter } from '@hotline/chat-protocol';
import { DATETIME, REFERENCE, RESTRICT } from '../database/column-types';
import { HotlineRecord } from '../hotlines/hotline-record';
import { Volunteer } from '../volunteers/volunteer.entity';

/** Where a chat is: in the queue (`waiting`, `offered`), in conversation, or over. */
export const CHAT_STATUSES = ['waiting', 'offered', 'talking', 'ended'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

/**
 * How a chat ended, for the statistics: answered by a volunteer; abandoned (its writer left,
 * or went silent, while it waited); `closed` (still waiting when the hotline closed);
 * `blocked` (its device was blocked while it waited); `queue_full` (refused at the door).
 */
export const CHAT_OUTCOMES = ['answered', 'abandoned', 'closed', 'blocked', 'queue_full'] as const;
export type ChatOutcome = (typeof CHAT_OUTCOMES)[number];

/**
 * One live chat, from the writer's request to its end. Nothing in it identifies the writer:
 * the resume token and the device are kept only as keyed hashes, the messages apart and
 * encrypted (`ChatMessageRecord`).
 */
@Entity({ name: 'chat' })
@Index('uq_chat_token_hash', ['tokenHash'], { unique: true })
@Index('idx_chat_hotline_id_status', ['hotlineId', 'status'])
@Index('idx_chat_hotline_id_arrived_at', ['hotlineId', 'arrivedAt'])
@Index('idx_chat_volunteer_id_status', ['volunteerId', 'status'])
@Index('idx_chat_status_arrived_at', ['status', 'arrivedAt'])
export class Chat extends HotlineRecord {
  /** Keyed hash of the resume token the writer's tab keeps. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** Keyed hash of the page's device id and the writer's address: what a block is keyed on. */
  @Column({ name: 'device_hash', type: 'varchar', length: 64 })
  deviceHash!: string;

  @Column({ name: 'caller_type', type: 'varchar', length: 16 })
  callerType!: ChatWriter;

  /** The top-level topic chosen; a transfer back to the queue may change it. */
  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ type: 'varchar', length: 16 })
  priority!: 'normal' | 'crisis';

  @Column({ type: 'varchar', length: 10 })
  language!: ChatLanguage;

  @Column({ type: 'varchar', length: 16 })
  status!: ChatStatus;

  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome!: ChatOutcome | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason!: ChatEndReason | null;

  /** Admitted although its device is blocked: the writer said they are in danger. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  refusal!: 'blocked' | null;

  /** The volunteer who has it (offered, in conversation), then who answered it. */
  @Column({ name: 'volunteer_id', ...REFERENCE, nullable: true })
  volunteerId!: string | null;

  @ManyToOne(() => Volunteer, { ...RESTRICT, nullable: true })
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ name: 'offer_count', type: 'int' })
  offerCount!: number;

  /** When it joined the queue. */
  @Column({ name: 'arrived_at', ...DATETIME })
  arrivedAt!: Date;

  @Column({ name: 'first_offered_at', ...DATETIME, nullable: true })
  firstOfferedAt!: Date | null;

  @Column({ name: 'answered_at', ...DATETIME, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;

  /** Seconds from joining the queue to being answered or leaving it. */
  @Column({ name: 'wait_seconds', type: 'int', nullable: true })
  waitSeconds!: number | null;

  /** Seconds in conversation. */
  @Column({ name: 'talk_seconds', type: 'int', nullable: true })
  talkSeconds!: number | null;

  /** When the writer, silent, was last asked whether they are still there. */
  @Column({ name: 'idle_checked_at', ...DATETIME, nullable: true })
  idleCheckedAt!: Date | null;

  /** When the writer's last connection closed; null while one is open. */
  @Column({ name: 'writer_left_at', ...DATETIME, nullable: true })
  writerLeftAt!: Date | null;

  /** When a crisis writer nobody had taken was shown the crisis line (once). */
  @Column({ name: 'crisis_line_at', ...DATETIME, nullable: true })
  crisisLineAt!: Date | null;

  /** When the retention job removed the messages. */
  @Column({ name: 'transcript_cleared_at', ...DATETIME, nullable: true })
  transcriptClearedAt!: Date | null;

  @Column({ name: 'updated_at', ...DATETIME })
  updatedAt!: Date;
}

/** Who wrote a message: the writer, a volunteer or supervisor (`authorId`), or the hotline. */
export type ChatSender = 'writer' | 'volunteer' | 'system';

/** One message of a chat, encrypted as it arrives. */
@Entity({ name: 'chat_message' })
@Index('uq_chat_message_id', ['id'], { unique: true })
@Index('idx_chat_message_chat_id_seq', ['chatId', 'seq'])
export class ChatMessageRecord {
  /** The order messages arrived in, across instances (two may share a millisecond). */
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  seq!: number;

  @Column(REFERENCE)
  id!: string;

  @Column({ name: 'chat_id', ...REFERENCE })
  chatId!: string;

  @ManyToOne(() => Chat, RESTRICT)
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  @Column({ type: 'varchar', length: 16 })
  sender!: ChatSender;

  @Column({ name: 'author_id', ...REFERENCE, nullable: true })
  authorId!: string | null;

  @Column({ name: 'text_encrypted', type: 'text' })
  textEncrypted!: string;

  @Column({ name: 'sent_at', ...DATETIME })
  sentAt!: Date;
}

export const CHAT_OFFER_RESULTS = [
  'accepted',
  'declined',
  'timeout',
  'abandoned',
  'presence',
  'reassigned',
  'restart',
] as const;
export type ChatOfferResult = (typeof CHAT_OFFER_RESULTS)[number];

/** A chat rung on one volunteer's console, and how that ended. */
@Entity({ name: 'chat_offer' })
@Index('idx_chat_offer_chat_id', ['chatId'])
@Index('idx_chat_offer_volunteer_id_offered_at', ['volunteerId', 'offeredAt'])
export class ChatOffer {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'chat_id', ...REFERENCE })
  chatId!: string;

  @ManyToOne(() => Chat, RESTRICT)
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ name: 'offered_at', ...DATETIME })
  offeredAt!: Date;

  @Column({ name: 'expires_at', ...DATETIME })
  expiresAt!: Date;

  @Column({ type: 'varchar', length: 16, nullable: true })
  result!: ChatOfferResult | null;

  @Column({ name: 'ended_at', ...DATETIME, nullable: true })
  endedAt!: Date | null;
}

/** A supervisor who joined a chat from the wall, until they left it. */
@Entity({ name: 'chat_participant' })
@Index('idx_chat_participant_chat_id', ['chatId'])
@Index('idx_chat_participant_volunteer_id_left_at', ['volunteerId', 'leftAt'])
export class ChatParticipant {
  @PrimaryColumn(REFERENCE)
  id!: string;

  @Column({ name: 'chat_id', ...REFERENCE })
  chatId!: string;

  @ManyToOne(() => Chat, RESTRICT)
  @JoinColumn({ name: 'chat_id' })
  chat?: Chat;

  @Column({ name: 'volunteer_id', ...REFERENCE })
  volunteerId!: string;

  @ManyToOne(() => Volunteer, RESTRICT)
  @JoinColumn({ name: 'volunteer_id' })
  volunteer?: Volunteer;

  @Column({ name: 'joined_at', ...DATETIME })
  joinedAt!: Date;

  @Column({ name: 'left_at', ...DATETIME, nullable: true })
  leftAt!: Date | null;
}
