import { newCallSid, TwilioSettings, Webhooks } from './caller';
import { percentile } from './metrics';
import { verb } from './twiml';

export interface LoadOptions {
  serverUrl: string;
  twilio: TwilioSettings;
  calls: number;
  /** Real seconds over which the calls arrive, evenly spread. */
  withinSeconds: number;
  /** Hold requests each caller makes before hanging up. */
  holds: number;
}

export interface LoadResult {
  calls: number;
  webhooks: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Answers that were not 200. */
  notOk: number;
  /** Answers that were not valid TwiML (there must be none). */
  notTwiml: number;
  /** Calls the simulator could not play to the end (a network error). */
  failedCalls: number;
  /** How each call's queue step ended: queued, refused (queue full), or other. */
  queued: number;
  refused: number;
}

/**
 * Many callers at once: each dials, chooses, holds a few times and hangs up. Measures the
 * server's webhook latency and checks every answer is 200 and valid TwiML.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const webhooks = new Webhooks(options.serverUrl, options.twilio);
  let failedCalls = 0;
  let queued = 0;
  let refused = 0;
  const gap = (options.withinSeconds * 1000) / Math.max(1, options.calls);
  const started = Date.now();
  await Promise.all(
    Array.from({ length: options.calls }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, started + index * gap - Date.now()));
      const callSid = newCallSid();
      const params = (extra: Record<string, string>) => ({
        CallSid: callSid,
        AccountSid: options.twilio.accountSid,
        From: `+86139${String(index).padStart(8, '0')}`,
        To: options.twilio.number,
        ...extra,
      });
      try {
        await webhooks.post('/twilio/voice/incoming', params({ CallStatus: 'ringing' }));
        await webhooks.post('/twilio/voice/menu?step=caller', params({ Digits: '1' }));
        const topic = await webhooks.post(
          '/twilio/voice/menu?step=topic',
          params({ Digits: String(1 + (index % 4)) }),
        );
        const enqueue = verb(topic.twiml, 'Enqueue');
        if (enqueue) {
          queued += 1;
          for (let hold = 0; hold < options.holds; hold += 1)
            await webhooks.post(
              enqueue.waitUrl ?? '/twilio/voice/wait',
              params({ QueueSid: 'QU'.padEnd(34, '0'), QueuePosition: '1', QueueTime: '1' }),
            );
          await webhooks.post(
            enqueue.action ?? '/twilio/voice/queue-result',
            params({ QueueResult: 'hangup' }),
          );
        } else {
          refused += 1;
        }
        await webhooks.post('/twilio/voice/status', params({ CallStatus: 'completed' }));
      } catch {
        failedCalls += 1;
      }
    }),
  );
  const times = webhooks.timings.map((timing) => timing.ms);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    calls: options.calls,
    webhooks: webhooks.timings.length,
    latencyMs: {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      p99: round(percentile(times, 99)),
      max: round(times.length ? Math.max(...times) : 0),
    },
    notOk: webhooks.timings.filter((timing) => timing.status !== 200).length,
    notTwiml: webhooks.timings.filter((timing) => !timing.valid).length,
    failedCalls,
    queued,
    refused,
  };
}
