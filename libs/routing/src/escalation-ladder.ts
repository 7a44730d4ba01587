/** The rungs a crisis caller climbs while nobody has them, in order. */
export type LadderRung = 'supervisors' | 'forward';

export interface LadderPolicy {
  crisisSupervisorAfterSeconds: number;
  crisisForwardAfterSeconds: number;
}

interface Climb {
  readonly callId: string;
  readonly arrivedAt: number;
  /** Rungs already reached. */
  reached: number;
}

const RUNGS: readonly LadderRung[] = ['supervisors', 'forward'];

/**
 * The escalation ladder of crisis callers: from arrival, each rung is due after its delay
 * while the caller is still in the queue (waiting, or ringing a volunteer). A caller with a
 * person (connecting, talking) climbs no further; put back in the queue, they go on where they
 * stopped, and a rung whose time passed meanwhile is due at once. Pure: the caller's phase is
 * asked of `inQueue`, time is given.
 */
export class EscalationLadder {
  private readonly climbs = new Map<string, Climb>();

  start(callId: string, arrivedAt: number): void {
    if (!this.climbs.has(callId)) this.climbs.set(callId, { callId, arrivedAt, reached: 0 });
  }

  stop(callId: string): void {
    this.climbs.delete(callId);
  }

  /** The rungs reached so far by this caller. */
  reached(callId: string): LadderRung[] {
    return RUNGS.slice(0, this.climbs.get(callId)?.reached ?? 0);
  }

  /** The earliest instant a caller in the queue reaches a rung, or undefined. */
  nextDeadline(policy: LadderPolicy, inQueue: (callId: string) => boolean): number | undefined {
    let next: number | undefined;
    for (const climb of this.climbs.values()) {
      if (climb.reached >= RUNGS.length || !inQueue(climb.callId)) continue;
      const at = rungAt(climb, RUNGS[climb.reached], policy);
      if (next === undefined || at < next) next = at;
    }
    return next;
  }

  /**
   * Climbs every caller in the queue whose rung is due at `at`, one rung per caller and call,
   * oldest caller first; the host acts on each before asking again.
   */
  due(
    at: number,
    policy: LadderPolicy,
    inQueue: (callId: string) => boolean,
  ): { callId: string; rung: LadderRung }[] {
    const due = [...this.climbs.values()]
      .filter(
        (climb) =>
          climb.reached < RUNGS.length &&
          inQueue(climb.callId) &&
          rungAt(climb, RUNGS[climb.reached], policy) <= at,
      )
      .sort((a, b) => a.arrivedAt - b.arrivedAt);
    return due.map((climb) => ({ callId: climb.callId, rung: RUNGS[climb.reached++] }));
  }
}

function rungAt(climb: Climb, rung: LadderRung, policy: LadderPolicy): number {
  const seconds =
    rung === 'supervisors' ? policy.crisisSupervisorAfterSeconds : policy.crisisForwardAfterSeconds;
  return climb.arrivedAt + seconds * 1000;
}
