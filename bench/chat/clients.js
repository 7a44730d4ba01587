/**
 * The chat bench's clients, in a process of their own: the volunteers' consoles (`/console`)
 * and the writers' pages (`/chat`), each its own socket.io connection. Commands come from the
 * driver over IPC (`{ id, cmd, ... }`, answered `{ id, result }`):
 *
 * - `connect`: the consoles connect (hotline: go available, accept each chat offered), then the
 *   writers, each waiting until its chat is answered;
 * - `send`: `count` messages at a steady `rate` per second, the writers in turn; each message's
 *   text names it, and its latency is the time from just before the writer sends it to the
 *   moment a console receives it (both times taken here, on one clock);
 * - `close`.
 */
const { io } = require('socket.io-client');

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Connections opening at the same time. */
const CONNECTING = 50;

let consoles = [];
let writers = [];
let run = 0;
/** Message text → when it was sent, and when it arrived. */
const sent = new Map();
const received = new Map();

/** One connection; `listen` adds its listeners before it connects (nothing said is missed). */
const connectOne = (url, auth, listen = () => {}) =>
  new Promise((resolve, reject) => {
    const socket = io(url, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    listen(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

async function inBatches(items, open) {
  const opened = [];
  for (let at = 0; at < items.length; at += CONNECTING)
    opened.push(...(await Promise.all(items.slice(at, at + CONNECTING).map(open))));
  return opened;
}

async function connect({ base, consoleTokens, chatTokens, hotline }) {
  let accepted = 0;
  const opened = await inBatches(consoleTokens, async (token) => {
    const socket = await connectOne(`${base}/console`, { token });
    socket.on('chat.message', ({ message }) => {
      if (message.from === 'writer' && sent.has(message.text) && !received.has(message.text))
        received.set(message.text, now());
    });
    if (hotline) {
      socket.on('offer.ringing', (offer) =>
        socket.emitWithAck('offer.accept', { offerId: offer.offerId }).then((ack) => {
          if (ack.ok) accepted += 1;
        }),
      );
      const ack = await socket.emitWithAck('presence.set', { state: 'available' });
      if (!ack.ok) throw new Error(`presence.set refused: ${ack.error}`);
    }
    return socket;
  });
  consoles.push(...opened);
  // Answered before the page connected, it says so in its state; after, with `chat.answered`.
  const pages = await inBatches(chatTokens, (token) =>
    connectOne(`${base}/chat`, { token }, (socket) => {
      socket.answered = new Promise((resolve) => {
        socket.once('chat.answered', resolve);
        socket.once('chat.state', (state) => state.phase === 'talking' && resolve());
      });
    }),
  );
  writers.push(...pages);
  const deadline = Date.now() + 120_000;
  const answered = () => pages.filter((socket) => socket.done).length;
  for (const socket of pages) socket.answered.then(() => (socket.done = true));
  while (answered() < pages.length && Date.now() < deadline) await sleep(100);
  return { consoles: consoles.length, writers: writers.length, answered: answered(), accepted };
}

async function send({ count, rate }) {
  run += 1;
  const start = now();
  const texts = [];
  for (let n = 0; n < count; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    const text = `r${run}-m${n}`;
    texts.push(text);
    sent.set(text, now());
    writers[n % writers.length].emit('chat.send', { text }, () => {});
  }
  // Until every message has arrived, or none has for 5 s.
  let last = received.size;
  let quietSince = now();
  while (texts.some((text) => !received.has(text)) && now() - quietSince < 5000) {
    await sleep(100);
    if (received.size !== last) [last, quietSince] = [received.size, now()];
  }
  const latencies = texts.flatMap((text) =>
    received.has(text) ? [received.get(text) - sent.get(text)] : [],
  );
  return { sent: texts.length, latencies };
}

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    if (cmd === 'connect') return process.send({ id, result: await connect(args) });
    if (cmd === 'send') return process.send({ id, result: await send(args) });
    if (cmd === 'close') {
      for (const socket of [...consoles, ...writers]) socket.close();
      consoles = [];
      writers = [];
      sent.clear();
      received.clear();
      return process.send({ id, result: true });
    }
    process.send({ id, error: `unknown command ${cmd}` });
  } catch (error) {
    process.send({ id, error: error.message });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
