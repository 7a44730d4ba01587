import { Injectable } from '@nestjs/common';
import { CallerLine, ConnectSteps } from './caller-line';
import { CallerTransfer } from './caller-transfer';
import { CrisisLadder } from './crisis-ladder';
import { AfterStep } from './effect-record';

/**
 * What a routing step asks of Twilio once its writes landed: bring the caller to the volunteer
 * who accepted, ring the supervisors or forward a crisis caller nobody took, check a call
 * connecting past its deadline. Run outside the step, so a slow API never holds up the queue.
 */
@Injectable()
export class CallerMoves {
  constructor(
    private readonly transfer: CallerTransfer,
    private readonly ladder: CrisisLadder,
    private readonly line: CallerLine,
  ) {}

  carryOut(action: AfterStep, steps: ConnectSteps): Promise<void> {
    switch (action.kind) {
      case 'transfer':
        return this.transfer.bring(action.call, steps);
      case 'ring_supervisors':
        return this.ladder.ringSupervisors(action.call);
      case 'forward':
        return this.ladder.forward(action.call);
      case 'connect_check':
        return this.line.checkConnecting(action.call.id, steps);
    }
  }
}
