import { io, Socket } from 'socket.io-client';
import type {
  ClientEvents,
  QueueChange,
  QueueSnapshot,
  ServerEvents,
} from '@hotline/console-protocol';
import { RunningHotline } from './hotline-server';

export type ConsoleClient = Socket<ServerEvents, ClientEvents>;

/** A console as the browser opens it: the socket, its first snapshot, and every change frame it got. */
export interface OpenConsole {
  socket: ConsoleClient;
  snapshot: QueueSnapshot;
  frames: { changes: QueueChange[] }[];
  changes(): QueueChange[];
  close(): void;
}

export async function openConsole(hotline: RunningHotline, token: string): Promise<OpenConsole> {
  const socket: ConsoleClient = io(`${hotline.baseUrl}/console`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  const frames: { changes: QueueChange[] }[] = [];
  socket.on('queue.changes', (frame) => frames.push(frame));
  const snapshot = await new Promise<QueueSnapshot>((resolve, reject) => {
    socket.once('queue.snapshot', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    snapshot,
    frames,
    changes: () => frames.flatMap((frame) => frame.changes),
    close: () => socket.close(),
  };
}

/** Why a connection was refused. */
export function refusal(hotline: RunningHotline, auth: Record<string, string>): Promise<string> {
  const socket: ConsoleClient = io(`${hotline.baseUrl}/console`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });
}
