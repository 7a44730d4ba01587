import { Injectable, Logger } from '@nestjs/common';
import { Observable, Subject, Subscription, filter } from 'rxjs';
import type { VolunteerState } from '@hotline/routing';
import type { CallOutcome, CallerType } from './call.entity';

/** What changed on a hotline's switchboard; the live console turns these into socket events. */
export type SwitchboardEvent =
  | {
      type: 'call.queued';
      hotlineId: string;
      callId: string;
      topic: string;
      priority: 'normal' | 'crisis';
      callerType: CallerType | null;
    }
  | {
      type: 'call.ended';
      hotlineId: string;
      callId: string;
      outcome: CallOutcome;
      volunteerId?: string;
    }
  /** The call got its outcome, whatever it was (the menu, closed hours, a full queue too). */
  | { type: 'call.settled'; hotlineId: string; callId: string; outcome: CallOutcome }
  /** The call moved on in the queue: connecting to its volunteer, back in line, overflowing. */
  | { type: 'call.changed'; hotlineId: string; callId: string }
  | {
      type: 'offer.created';
      hotlineId: string;
      offerId: string;
      callId: string;
      volunteerId: string;
      expiresAt: string;
    }
  | {
      type: 'offer.withdrawn';
      hotlineId: string;
      offerId: string;
      callId: string;
      volunteerId: string;
      reason: string;
    }
  | {
      type: 'volunteer.state';
      hotlineId: string;
      volunteerId: string;
      state: VolunteerState;
      since: string;
      /** Entering wrap-up: the call just ended, whose contact record is due. */
      wrapUpCallId?: string;
    }
  /** The caller pressed the danger key ("I am in danger now"): a crisis case opens. */
  | { type: 'call.danger'; hotlineId: string; callId: string }
  /** Supervisors on duty must see this at once: a crisis case opened, or its report is late. */
  | {
      type: 'crisis.alert';
      hotlineId: string;
      caseId: string;
      callId: string | null;
      reason: CrisisAlertReason;
    };

export type CrisisAlertReason = 'danger_key' | 'high_risk' | 'report_overdue';

@Injectable()
export class SwitchboardEvents {
  private readonly subject = new Subject<SwitchboardEvent>();

  get stream(): Observable<SwitchboardEvent> {
    return this.subject.asObservable();
  }

  publish(event: SwitchboardEvent): void {
    this.subject.next(event);
  }

  /**
   * Runs `work` for each event of this type that `when` accepts. A failure is logged, never
   * thrown back into the switchboard that published the event.
   */
  on<K extends SwitchboardEvent['type']>(
    type: K,
    work: (event: Extract<SwitchboardEvent, { type: K }>) => Promise<unknown>,
    logger: Logger,
    when: (event: Extract<SwitchboardEvent, { type: K }>) => boolean = () => true,
  ): Subscription {
    return this.subject
      .pipe(filter((event): event is Extract<SwitchboardEvent, { type: K }> => event.type === type))
      .pipe(filter(when))
      .subscribe((event) => {
        work(event).catch((error: Error) =>
          logger.error({ err: error.message }, `${type} handling failed`),
        );
      });
  }
}
