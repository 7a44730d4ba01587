/**
 * The baseline of the fan-out bench: a bare socket.io server with the hotline's namespace and
 * nothing else. Each console joins one room and gets a snapshot on connect, as on the hotline;
 * on `{ id, cmd: 'broadcast', frame }` from the parent (IPC) it notes the time and emits the
 * frame to the room at once, answering `{ id, result: { origin } }`.
 */
const { createServer } = require('node:http');
const { Server } = require('socket.io');

const now = () => performance.timeOrigin + performance.now();
const ROOM = 'hotline:bare';
const SNAPSHOT = {
  hotlineId: '00000000-0000-4000-8000-000000000000',
  hotlineName: 'bare',
  timeZone: 'Asia/Shanghai',
  locale: 'en',
  seq: 0,
  telephony: 'on',
  me: { id: 'bare', name: 'bare', roles: ['admin'], state: 'offline', since: new Date() },
  offer: null,
  calls: [],
  volunteers: [],
  availableVolunteers: 0,
  today: null,
  alerts: [],
};

const http = createServer((request, response) => response.end('ok'));
const consoles = new Server(http).of('/console');
consoles.on('connection', (socket) => {
  socket.join(ROOM);
  socket.emit('queue.snapshot', SNAPSHOT);
});

process.on('message', ({ id, cmd, frame }) => {
  if (cmd !== 'broadcast') return process.send({ id, error: `unknown command ${cmd}` });
  const origin = now();
  consoles.to(ROOM).emit('queue.changes', frame);
  process.send({ id, result: { origin } });
});
process.on('disconnect', () => process.exit(0));
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ ready: true }));
