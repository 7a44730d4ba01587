import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { CONSOLE_NAMESPACE } from '@hotline/console-protocol';

/**
 * Counts the consoles connected to this instance. It shares the console's socket.io namespace
 * (Nest hands every gateway of a namespace the same one) and handles nothing; a socket is in
 * the namespace once the console gateway has admitted it, until it disconnects.
 */
@WebSocketGateway({ namespace: CONSOLE_NAMESPACE })
export class ConsoleConnections {
  @WebSocketServer() private readonly consoles?: Namespace;

  get count(): number {
    return this.consoles?.sockets.size ?? 0;
  }
}
