import { randomInt } from 'node:crypto';
import type { FreeSlot } from '@hotline/calendar';

export interface Pair {
  expertId: string;
  roomId: string;
}

/**
 * Which of a slot's experts and rooms a booking tries, in what order: experts with the fewest
 * bookings that day first, ties in random order so concurrent requests spread out, and for
 * each expert the rooms in one random order. Pure: it is told what the latest plan shows and
 * what the claims refused, and never proposes an expert or a room known to be taken.
 */
export class ClaimOrder {
  private readonly experts: string[];
  private readonly rooms: string[];
  private readonly takenRooms = new Set<string>();
  private expert = 0;
  private room = -1;

  constructor(
    slot: Pick<FreeSlot, 'experts' | 'rooms'>,
    load: ReadonlyMap<string, number>,
    random: (below: number) => number = randomInt,
  ) {
    this.experts = shuffle(slot.experts, random).sort(
      (a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0),
    );
    this.rooms = shuffle(slot.rooms, random);
  }

  /** The next pair to consider, or null when every pair was tried or ruled out. */
  next(): Pair | null {
    while (this.expert < this.experts.length) {
      this.room += 1;
      if (this.room >= this.rooms.length) this.nextExpert();
      else if (!this.takenRooms.has(this.rooms[this.room])) return this.current();
    }
    return null;
  }

  /**
   * Whether the latest plan still shows the pair free. An expert it no longer shows is passed
   * over, a room it no longer shows is ruled out for every expert.
   */
  stillFree(pair: Pair, latest: Pick<FreeSlot, 'experts' | 'rooms'>): boolean {
    if (!latest.experts.includes(pair.expertId)) {
      this.nextExpert();
      return false;
    }
    if (!latest.rooms.includes(pair.roomId)) {
      this.takenRooms.add(pair.roomId);
      return false;
    }
    return true;
  }

  /** The claims refused the pair: its expert's time, or its room's, was taken meanwhile. */
  refused(pair: Pair, which: 'expert' | 'room'): void {
    if (which === 'room') this.takenRooms.add(pair.roomId);
    else this.nextExpert();
  }

  private current(): Pair {
    return { expertId: this.experts[this.expert], roomId: this.rooms[this.room] };
  }

  private nextExpert(): void {
    this.expert += 1;
    this.room = -1;
  }
}

function shuffle<T>(items: T[], random: (below: number) => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
