import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { HotlineDirectory } from '../hotlines/hotline-directory';
import { Telephony } from '../telephony/telephony';
import { Volunteer } from '../volunteers/volunteer.entity';
import { Call } from './call.entity';
import { LADDER_PATH } from './ladder.twiml';

/** Chooses whom the ladder rings for a hotline: supervisors with a phone number. */
export type SupervisorChooser = (hotlineId: string) => Promise<Volunteer[]>;

/**
 * Whom the escalation ladder rings. The crisis module puts in its own choice (the one its SMS
 * alerts use: on the shift running now, else on duty, else all; see `LadderSupervisors`);
 * until then, and without it, every active supervisor of the hotline with a phone.
 */
@Injectable()
export class CrisisSupervisors {
  private chooser?: SupervisorChooser;

  constructor(@InjectRepository(Volunteer) private readonly volunteers: Repository<Volunteer>) {}

  use(chooser: SupervisorChooser): void {
    this.chooser = chooser;
  }

  async choose(hotlineId: string): Promise<Volunteer[]> {
    if (this.chooser) return this.chooser(hotlineId);
    const staff = await this.volunteers.find({
      where: { hotlines: { id: hotlineId }, active: true, phoneEncrypted: Not(IsNull()) },
    });
    return staff.filter((person) => person.hasRole('supervisor'));
  }
}

/**
 * What the escalation ladder does with Twilio once the engine decided (on the leader, after
 * the step): ring each supervisor's own phone, or move the caller to the crisis line.
 */
@Injectable()
export class CrisisLadder {
  private readonly logger = new Logger('Ladder');

  constructor(
    private readonly supervisors: CrisisSupervisors,
    private readonly directory: HotlineDirectory,
    private readonly telephony: Telephony,
    private readonly cipher: FieldCipher,
  ) {}

  /** One outbound call per supervisor; each rings until the caller is due to be forwarded. */
  async ringSupervisors(call: Call): Promise<void> {
    const { routing } = await this.directory.hotline(call.hotlineId);
    const ringSeconds = Math.min(
      60,
      Math.max(10, routing.crisisForwardAfterSeconds - routing.crisisSupervisorAfterSeconds),
    );
    const supervisors = await this.supervisors.choose(call.hotlineId);
    if (supervisors.length === 0)
      this.logger.warn({ callId: call.id }, 'no supervisor to ring for a crisis caller');
    for (const supervisor of supervisors) {
      const phone = this.cipher.decryptOptional(supervisor.phoneEncrypted);
      if (!phone) continue;
      try {
        await this.telephony.placeCall(
          phone,
          `${LADDER_PATH}/supervisor?call=${call.id}&supervisor=${supervisor.id}`,
          ringSeconds,
        );
      } catch (error) {
        this.logger.error(
          { err: (error as Error).message, callId: call.id, supervisorId: supervisor.id },
          'could not ring a supervisor for a crisis caller',
        );
      }
    }
  }

  /** Moves the caller to the crisis-line dial; tries once more if Twilio fails. */
  async forward(call: Call): Promise<void> {
    await this.moveCaller(call, `${LADDER_PATH}/forward?call=${call.id}`, 'to the crisis line');
  }

  /** Moves the caller to the conference of the supervisor who took them. */
  async bringToSupervisor(call: Call): Promise<void> {
    await this.moveCaller(call, `${LADDER_PATH}/caller?call=${call.id}`, 'to the supervisor');
  }

  private async moveCaller(call: Call, path: string, where: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.telephony.sendCallerTo(call.callSid, call.queueSid, path);
      } catch (error) {
        this.logger.error(
          { err: (error as Error).message, callId: call.id, attempt },
          `could not move the crisis caller ${where}`,
        );
        if (attempt >= 2) return;
      }
    }
  }
}
