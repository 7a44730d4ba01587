/**
 * The consoles of the fan-out bench, in a process of their own (forked by run.js, driven over
 * IPC): opens N socket.io clients to a `/console` namespace, each its own connection, and
 * records for every `call` change each console receives when it arrived and how many bytes its
 * frame took. Times are `performance.timeOrigin + performance.now()`, comparable with the
 * parent's and the servers' on the same machine.
 *
 * Commands (`{ id, cmd, ...args }`, answered `{ id, result }` or `{ id, error }`):
 *   open { url | urls, token, count, concurrency }
 *                                            connect (console i to urls[i % urls.length]), resolve
 *                                            when every console has its snapshot
 *   count                                    `call` deliveries so far
 *   reset                                    forget what was received (after the warm-up)
 *   report                                   everything received since the last reset
 *   close                                    disconnect every console
 */
const { io } = require('socket.io-client');

const now = () => performance.timeOrigin + performance.now();

let sockets = [];
let state = fresh(0);

function fresh(count) {
  return {
    count,
    /** Per callId, the receive time at each console (NaN: not yet). */
    received: new Map(),
    frames: new Uint32Array(count),
    deliveries: 0,
    duplicates: 0,
    frameBytes: 0,
    changes: 0,
    callChanges: 0,
    disconnects: 0,
    /** A frame with exactly one call change: the bare server copies its shape and size. */
    sample: undefined,
  };
}

function receive(index, frame) {
  const at = now();
  const seen = state;
  seen.frames[index]++;
  seen.frameBytes += Buffer.byteLength(JSON.stringify(frame));
  seen.changes += frame.changes.length;
  let calls = 0;
  for (const change of frame.changes) {
    if (change.type !== 'call') continue;
    calls++;
    let times = seen.received.get(change.call.callId);
    if (!times) {
      times = new Float64Array(seen.count).fill(NaN);
      seen.received.set(change.call.callId, times);
    }
    if (Number.isNaN(times[index])) {
      times[index] = at;
      seen.deliveries++;
    } else {
      seen.duplicates++;
    }
  }
  seen.callChanges += calls;
  if (!seen.sample && calls === 1) seen.sample = frame;
}

function openOne(url, token, index) {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      // One connection per console, as N browsers would have: no multiplexing on one Manager.
      forceNew: true,
      reconnection: false,
      timeout: 60_000,
    });
    socket.on('queue.changes', (frame) => receive(index, frame));
    socket.on('disconnect', () => state.disconnects++);
    socket.once('queue.snapshot', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function open({ url, urls = [url], token, count, concurrency }) {
  const started = now();
  sockets = new Array(count);
  state = fresh(count);
  const failures = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        sockets[index] = await openOne(urls[index % urls.length], token, index);
      } catch (error) {
        failures.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: now() - started, failures: failures.length, firstFailure: failures[0] };
}

function close() {
  for (const socket of sockets) socket?.close();
  sockets = [];
  return {};
}

const commands = {
  open,
  count: () => ({ deliveries: state.deliveries, disconnects: state.disconnects }),
  reset: () => {
    const sample = state.sample;
    state = fresh(state.count);
    state.sample = sample;
    return {};
  },
  report: () => ({ ...state, frames: Array.from(state.frames) }),
  close,
};

process.on('message', ({ id, cmd, ...args }) => {
  Promise.resolve()
    .then(() => commands[cmd](args))
    .then(
      (result) => process.send({ id, result }),
      (error) => process.send({ id, error: error.message }),
    );
});
// The parent is gone: so are we.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
