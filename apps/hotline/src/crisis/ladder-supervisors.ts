import { Injectable, OnModuleInit } from '@nestjs/common';
import { CrisisSupervisors } from '../calls/crisis-ladder';
import { OnCallSupervisors } from './on-call-supervisors';

/**
 * The escalation ladder rings the supervisors the crisis SMS goes to: those on the shift
 * running now, else those on duty in the console, else every supervisor of the hotline.
 */
@Injectable()
export class LadderSupervisors implements OnModuleInit {
  constructor(
    private readonly onCall: OnCallSupervisors,
    private readonly supervisors: CrisisSupervisors,
  ) {}

  onModuleInit(): void {
    this.supervisors.use((hotlineId) => this.onCall.of(hotlineId));
  }
}
