import { ConflictException, NotFoundException } from '@nestjs/common';
import { RoutingError } from '@hotline/routing';
import { SwitchboardRefusal } from './switchboard-refusal';

describe('SwitchboardRefusal', () => {
  it('words a lapsed offer as a conflict', () => {
    const refusal = SwitchboardRefusal.of(new RoutingError('offer_not_live', 'offer is not live'));
    expect(refusal.asHttp()).toEqual(
      new ConflictException(
        'This call is no longer being offered to you: it timed out, was withdrawn or the caller hung up.',
      ),
    );
  });

  it('words a refused state change as a conflict, or as the caller asks', () => {
    const error = new RoutingError('not_allowed', 'volunteer v1 is on a call');
    expect(SwitchboardRefusal.of(error).message).toBe(
      'You cannot change your state while you are on a call.',
    );
    expect(SwitchboardRefusal.of(error, 'Not now.').asHttp()).toEqual(
      new ConflictException('Not now.'),
    );
  });

  it('answers anything unknown to the engine as not found, in its own words', () => {
    const refusal = SwitchboardRefusal.of(new RoutingError('unknown_call', 'no call c1'));
    expect(refusal.asHttp()).toEqual(new NotFoundException('no call c1'));
  });
});
