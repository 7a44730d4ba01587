/**
 * The baseline of the chat bench: a bare socket.io relay with the hotline's two namespaces and
 * nothing else: no sign-in, no database, no encryption, no routing. Writer `i` connects to
 * `/chat` with `auth: { token: 'chat-<i>' }`, console `j` to `/console` with
 * `auth: { token: 'console-<j>' }` and joins the rooms of the chats it holds (those `i` with
 * `i mod CONSOLES = j`). A writer's `chat.send` is acknowledged and emitted to its chat's
 * room, as the hotline does.
 */
const { createServer } = require('node:http');
const { randomUUID } = require('node:crypto');
const { Server } = require('socket.io');

const CONSOLES = Number(process.env.CONSOLES);
const CHATS = Number(process.env.CHATS);

const http = createServer((request, response) => response.end('ok'));
const io = new Server(http);
const consoles = io.of('/console');
const writers = io.of('/chat');

consoles.on('connection', (socket) => {
  const j = Number(String(socket.handshake.auth.token).slice('console-'.length));
  for (let i = j; i < CHATS; i += CONSOLES) socket.join(`chat:${i}`);
});

writers.on('connection', (socket) => {
  const chatId = String(socket.handshake.auth.token).slice('chat-'.length);
  socket.emit('chat.state', {
    chatId,
    phase: 'talking',
    messages: [],
    queue: null,
    endReason: null,
  });
  socket.emit('chat.answered', { at: new Date().toISOString() });
  socket.on('chat.send', ({ text }, ack) => {
    const message = { id: randomUUID(), from: 'writer', text, at: new Date().toISOString() };
    ack({ ok: true, message });
    consoles.to(`chat:${chatId}`).emit('chat.message', { chatId, message });
  });
});

process.on('disconnect', () => process.exit(0));
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send({ ready: true }));
