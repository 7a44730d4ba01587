import {
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ChosenPresence } from '@hotline/routing';
import { startRecurringJob } from '../common/recurring-job';
import { Environment } from '../config/environment';
import { HotlineEvents } from '../events/hotline-events';
import { Cluster } from '../instances/cluster';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { LeadingSwitchboard } from './leading-switchboard';
import { Switchboard } from './switchboard';
import { SwitchboardProtocol, serveSwitchboard } from './switchboard-protocol';
import { SwitchboardRelay } from './switchboard-relay';
import { Takeover } from './takeover';

/**
 * The `Switchboard` the rest of the server injects: the leader's while this instance leads
 * (always, without REDIS_URL), the relay to the leader otherwise. Which one changes only when
 * leadership moves: on taking over and on standing down (docs/instances.md).
 */
@Injectable()
export class SwitchboardSeat
  extends Switchboard
  implements OnApplicationBootstrap, OnModuleDestroy
{
  private readonly logger = new Logger('Switchboard');
  private active: Switchboard;
  private stopSweep?: () => void;

  constructor(
    private readonly leader: LeadingSwitchboard,
    private readonly relay: SwitchboardRelay,
    private readonly takeover: Takeover,
    private readonly events: HotlineEvents,
    @InjectRepository(Call) private readonly calls: Repository<Call>,
    @InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>,
    private readonly config: ConfigService<Environment, true>,
    @Optional() private readonly cluster?: Cluster,
  ) {
    super();
    this.active = cluster?.enabled ? relay : leader;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.events.on(
      'hotline.changed',
      ({ hotline }) => this.leader.policyChanged(hotline),
      this.logger,
    );
    if (this.cluster?.enabled) return this.joinCluster(this.cluster);
    // A single server leads from the start: after a restart it takes over from the record,
    // as a new leader does.
    await this.takeover.takeOver();
    this.takeover.leads();
    this.startSweep(this.checkMs());
  }

  /** The routing check (`Takeover.sweep`), every `everyMs`; it does nothing unless leading. */
  private startSweep(everyMs: number): void {
    this.stopSweep = startRecurringJob(
      'routing check',
      everyMs,
      () => this.takeover.sweep(),
      this.logger,
    );
  }

  private checkMs(): number {
    return this.config.get('ROUTING_CHECK_SECONDS', { infer: true }) * 1000;
  }

  onModuleDestroy(): void {
    this.stopSweep?.();
  }

  /** Serves the other instances while leading, and competes for the lease. */
  private async joinCluster(cluster: Cluster): Promise<void> {
    const line = cluster.line<SwitchboardProtocol>();
    serveSwitchboard(line, this.leader, {
      call: (id) => this.calls.findOneByOrFail({ id }),
      volunteer: async (id) => {
        const volunteer = await this.volunteers.findOne({
          where: { id },
          relations: { hotlines: true },
        });
        if (!volunteer) throw new NotFoundException(`No volunteer ${id}.`);
        return volunteer;
      },
    });
    line.on('switchboard.states', ({ hotlineId, volunteers }) =>
      this.relay.mirrorStates({ [hotlineId]: volunteers }),
    );
    line.on('leader', () => void this.relay.refreshMirror());
    cluster.whenLeading(() => {
      this.active = this.leader;
      this.takeover.leads();
    });
    await cluster.campaign({
      takeOver: () => {
        this.relay.forget();
        return this.takeover.takeOver();
      },
      standDown: () => {
        // The last states known stay for the reads until the new leader's come.
        this.relay.mirrorStates(this.leader.states());
        this.takeover.standDown();
        this.active = this.relay;
      },
    });
    if (this.active === this.relay) await this.relay.refreshMirror();
    // A failover's losses are caught within a lease.
    this.startSweep(Math.min(cluster.leaseMs, this.checkMs()));
  }

  // Each request goes to whichever switchboard is active now.

  enqueue(call: Call) {
    return this.active.enqueue(call);
  }
  hangUp(call: Call) {
    return this.active.hangUp(call);
  }
  takeOver(call: Call, supervisorId: string) {
    return this.active.takeOver(call, supervisorId);
  }

  consult(call: Call, colleagueId: string) {
    return this.active.consult(call, colleagueId);
  }

  endConsult(call: Call, complete: boolean) {
    return this.active.endConsult(call, complete);
  }

  transferToQueue(call: Call, topic: string) {
    return this.active.transferToQueue(call, topic);
  }

  connected(call: Call) {
    return this.active.connected(call);
  }

  dialFailed(call: Call) {
    return this.active.dialFailed(call);
  }
  placeOf(call: Pick<Call, 'id' | 'hotlineId'>) {
    return this.active.placeOf(call);
  }
  snapshot(hotlineId: string) {
    return this.active.snapshot(hotlineId);
  }
  setPresence(volunteer: Volunteer, hotlineId: string, presence: ChosenPresence) {
    return this.active.setPresence(volunteer, hotlineId, presence);
  }
  accept(volunteer: Volunteer, offerId: string) {
    return this.active.accept(volunteer, offerId);
  }
  decline(volunteer: Volunteer, offerId: string) {
    return this.active.decline(volunteer, offerId);
  }
  finishWrapUp(volunteer: Volunteer, call: Call) {
    return this.active.finishWrapUp(volunteer, call);
  }
  reoffer(hotlineId: string, callId: string, volunteerId: string) {
    return this.active.reoffer(hotlineId, callId, volunteerId);
  }
  liveOffer(volunteer: Volunteer) {
    return this.active.liveOffer(volunteer);
  }
  setOnShift(hotlineId: string, volunteerIds: string[]) {
    return this.active.setOnShift(hotlineId, volunteerIds);
  }
  ringOnly(call: Call, volunteerId: string, topic: string) {
    return this.active.ringOnly(call, volunteerId, topic);
  }
  release(call: Call) {
    return this.active.release(call);
  }
  supervisorTook(call: Call, supervisorId: string) {
    return this.active.supervisorTook(call, supervisorId);
  }
  callBack(volunteerId: string, hotlineId: string, callbackId: string) {
    return this.active.callBack(volunteerId, hotlineId, callbackId);
  }
  callBackEnded(volunteerId: string, hotlineId: string, callbackId: string, reached: boolean) {
    return this.active.callBackEnded(volunteerId, hotlineId, callbackId, reached);
  }
  callBackRecorded(volunteerId: string, hotlineId: string, callbackId: string) {
    return this.active.callBackRecorded(volunteerId, hotlineId, callbackId);
  }
  volunteerState(hotlineId: string, volunteerId: string) {
    return this.active.volunteerState(hotlineId, volunteerId);
  }
  onDuty() {
    return this.active.onDuty();
  }
  openQueues() {
    return this.active.openQueues();
  }
  callView(hotlineId: string, callId: string) {
    return this.active.callView(hotlineId, callId);
  }
}
