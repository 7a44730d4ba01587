import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type {
  DutyVolunteer,
  Me,
  QueueSnapshot,
  QueuedCall,
  TodayFigures,
} from '@hotline/console-protocol';
import type { WaitingCallView, VolunteerView as EngineVolunteer } from '@hotline/routing';
import type { Clock } from '@hotline/clock';
import { InjectClock } from '../common/clock.provider';
import { CallerTransfer } from '../calls/caller-transfer';
import { CallsService } from '../calls/calls.service';
import { ChatFigures } from '../chats/chat-figures';
import type { Hotline } from '../hotlines/hotline.entity';
import { Switchboard } from '../calls/switchboard';
import { isPracticeCall } from '../calls/training-calls.service';
import { alertView } from '../crisis/crisis-alert.entity';
import { CrisisAlerts } from '../crisis/crisis-alerts.service';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Telephony } from '../telephony/telephony';
import type { Volunteer } from '../volunteers/volunteer.entity';
import { FeedLookups } from './feed-lookups';

/**
 * What a console is shown of the hotline: the whole of it in a snapshot, the person's own
 * state, and the items (a call, a volunteer) the live feed's frames carry.
 */
@Injectable()
export class FeedViews {
  constructor(
    private readonly switchboard: Switchboard,
    private readonly directory: HotlineDirectory,
    private readonly calls: CallsService,
    private readonly telephony: Telephony,
    private readonly lookups: FeedLookups,
    private readonly alerts: CrisisAlerts,
    private readonly transfer: CallerTransfer,
    private readonly chats: ChatFigures,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The hotline as it stands, for a console whose frames go on from `seq`. */
  async snapshot(volunteer: Volunteer, hotlineId: string, seq: number): Promise<QueueSnapshot> {
    const hotline = await this.directory.hotline(hotlineId);
    const engine = await this.switchboard.snapshot(hotlineId);
    const calls = [...engine.calls, ...engine.talking];
    await this.lookups.learn(
      calls.map((call) => call.callId),
      engine.volunteers.map((v) => v.id),
    );
    const offer = await this.calls.liveOffer(volunteer);
    return {
      hotlineId,
      hotlineName: hotline.name,
      locale: hotline.locale,
      timeZone: hotline.timeZone,
      seq,
      now: this.clock.now().toISO()!,
      telephony: this.telephony.enabled ? 'on' : 'off',
      me: await this.me(volunteer, hotlineId),
      offer,
      calls: calls.map((call) => this.queuedCall(call)),
      volunteers: engine.volunteers.map((state) => this.dutyVolunteer(state)),
      availableVolunteers: engine.volunteers.filter((state) => state.state === 'available').length,
      today: await this.today(hotline),
      // Stored: they outlast a restart and a change of leader.
      alerts: (await this.alerts.unacknowledged(hotlineId)).map(alertView),
    };
  }

  /** The person's own state on the hotline, with the call to wrap up when there is one. */
  async me(volunteer: Volunteer, hotlineId: string): Promise<Me> {
    const state = this.switchboard.volunteerState(hotlineId, volunteer.id);
    const me: Me = {
      id: volunteer.id,
      name: volunteer.name,
      roles: volunteer.roles,
      state: state?.state ?? 'offline',
      since: (state ? DateTime.fromMillis(state.since) : this.clock.now()).toUTC().toISO()!,
      ...(state?.callId ? { callId: state.callId } : {}),
      ...(state?.callbackId ? { callbackId: state.callbackId } : {}),
      ...(state?.chatIds ? { chatIds: state.chatIds } : {}),
      ...(state?.wrapUpChatIds ? { wrapUpChatIds: state.wrapUpChatIds } : {}),
      maxChats: (await this.directory.hotline(hotlineId)).routing.maxChats,
    };
    if (this.telephony.enabled) {
      const target = await this.transfer.targetFor(volunteer);
      me.ringsOn = !target ? 'nowhere' : 'client' in target ? 'browser' : 'phone';
    }
    // A wrap-up after chats is theirs (`wrapUpChatIds`), a call-back's the call-back's: not a call's.
    if (me.state === 'wrap_up' && !me.callbackId && !state?.chatPlaces) {
      const wrapUpCallId = await this.lookups.wrapUpCall(volunteer.id);
      if (wrapUpCallId) me.wrapUpCallId = wrapUpCallId;
    }
    return me;
  }

  queuedCall(view: WaitingCallView): QueuedCall {
    return {
      callId: view.callId,
      topic: view.topic,
      priority: view.priority,
      phase: view.phase,
      queuedAt: new Date(view.arrivedAt).toISOString(),
      callerType: this.lookups.callerType(view.callId),
      ...(this.lookups.callerFlagsOf(view.callId).length > 0
        ? { callerFlags: this.lookups.callerFlagsOf(view.callId) }
        : {}),
      ...(view.volunteerId ? { volunteerId: view.volunteerId } : {}),
      ...(view.phase === 'talking' && this.lookups.participantsOf(view.callId)
        ? { participants: this.lookups.participantsOf(view.callId) }
        : {}),
      ...(isPracticeCall(view) ? { training: true as const } : {}),
      ...(view.channel === 'chat' ? { channel: 'chat' as const } : {}),
    };
  }

  /** Today's figures of the calls, and of the chats beside them. */
  async today(hotline: Hotline): Promise<TodayFigures> {
    const calls = await this.calls.today(hotline);
    return { ...calls, chats: await this.chats.today(hotline, calls.serviceLevelSeconds) };
  }

  dutyVolunteer(state: EngineVolunteer): DutyVolunteer {
    return {
      id: state.id,
      name: this.lookups.name(state.id),
      state: state.state,
      since: new Date(state.since).toISOString(),
      callsHandled: state.callsHandled,
      ...(state.callId ? { callId: state.callId } : {}),
      ...(state.callbackId ? { callbackId: state.callbackId } : {}),
      ...(state.chatIds ? { chats: state.chatIds.length } : {}),
    };
  }
}
