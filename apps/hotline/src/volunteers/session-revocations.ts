import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * Tells this instance's live console that a person's sessions just ended (signed out,
 * password changed or reset, deactivated), so their open consoles are closed at once. The
 * tokens themselves stop working through the session version in the database, on every
 * instance; closing sockets reaches the other instances through the socket.io adapter.
 */
@Injectable()
export class SessionRevocations {
  private readonly ended = new Subject<string>();

  /** Ids of people whose sessions have just ended. */
  get ended$(): Observable<string> {
    return this.ended.asObservable();
  }

  announce(volunteerId: string): void {
    this.ended.next(volunteerId);
  }
}
