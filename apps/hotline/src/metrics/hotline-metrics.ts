import { Injectable, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Subscription } from 'rxjs';
import type { Clock } from '@hotline/clock';
import { HotlineEvent, HotlineEvents } from '../events/hotline-events';
import { Switchboard } from '../calls/switchboard';
import { isPracticeCall } from '../calls/training-calls.service';
import { InjectClock } from '../common/clock.provider';
import { Cluster } from '../instances/cluster';
import { ConsoleConnections } from './console-connections.gateway';

/** Twilio gives up on a webhook after 15 s; the buckets spread up to there. */
const WEBHOOK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15];

/**
 * This instance's figures for Prometheus, in a registry of its own (several servers in one
 * process, as in the tests, keep theirs apart). Counters follow the switchboard's events;
 * the queue, the volunteers, the consoles and the leadership are read at each scrape.
 */
@Injectable()
export class HotlineMetrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private subscription?: Subscription;

  private readonly hotlineInfo = this.gauge(
    'hotline_info',
    'Each hotline this instance holds a queue for, with its name (always 1)',
    ['hotline', 'name'],
  );
  private readonly queueCalls = this.gauge(
    'hotline_queue_calls',
    'Calls waiting for a volunteer (ringing ones included), by priority',
    ['hotline', 'priority'],
  );
  private readonly queueChats = this.gauge(
    'hotline_queue_chats',
    'Live chats waiting for a volunteer (ringing ones included), by priority',
    ['hotline', 'priority'],
  );
  private readonly longestWait = this.gauge(
    'hotline_queue_longest_wait_seconds',
    'How long the longest-waiting call in the queue has waited, on the hotline clock (0 when none)',
    ['hotline'],
  );
  private readonly available = this.gauge(
    'hotline_volunteers_available',
    'Volunteers available for a call now',
    ['hotline'],
  );
  private readonly consoles = this.gauge(
    'hotline_console_connections',
    'Live consoles (socket.io) connected to this instance',
    [],
  );
  private readonly leader = this.gauge(
    'hotline_routing_leader',
    'Whether this instance routes the calls (1) or another one does (0)',
    [],
  );
  private readonly instance = this.gauge(
    'hotline_instance_info',
    'This instance: its name and role (single without REDIS_URL, else leader or follower); always 1',
    ['instance', 'role'],
  );
  private readonly queued = this.counter(
    'hotline_calls_queued_total',
    'Calls that joined the queue, by priority',
    ['hotline', 'priority'],
  );
  private readonly ended = this.counter(
    'hotline_calls_ended_total',
    'Calls that left the queue, by outcome (answered, abandoned, overflow_callback)',
    ['hotline', 'outcome'],
  );
  private readonly settled = this.counter(
    'hotline_calls_total',
    'Calls by outcome, counted once when the call gets it (on the instance that recorded it)',
    ['hotline', 'outcome'],
  );
  private readonly rung = this.counter(
    'hotline_offers_rung_total',
    "Offers rung on a volunteer's console",
    ['hotline'],
  );
  private readonly offers = this.counter(
    'hotline_offers_total',
    'Offers that ended, by result: accepted, declined, timeout, abandoned (the caller hung up), presence (the volunteer left), reassigned (a supervisor gave the call to someone else)',
    ['hotline', 'result'],
  );
  readonly webhooks = new Histogram({
    name: 'hotline_webhook_duration_seconds',
    help: "Time to answer Twilio's voice webhooks, by route and HTTP status",
    labelNames: ['route', 'status'],
    buckets: WEBHOOK_BUCKETS,
    registers: [this.registry],
  });

  constructor(
    private readonly events: HotlineEvents,
    private readonly switchboard: Switchboard,
    private readonly connections: ConsoleConnections,
    @InjectClock() private readonly clock: Clock,
    /** Several instances (REDIS_URL): which one leads the routing. */
    @Optional() private readonly cluster?: Cluster,
  ) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Before the switchboard restores its queues at bootstrap, so no event goes uncounted. */
  onModuleInit(): void {
    this.subscription = this.events.stream.subscribe((event) => this.count(event));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The text Prometheus scrapes, with the live figures read now. */
  async scrape(): Promise<string> {
    this.readLive();
    return this.registry.metrics();
  }

  private count(event: HotlineEvent): void {
    const hotline = event.hotlineId;
    switch (event.type) {
      case 'call.queued':
        this.queued.inc({ hotline, priority: event.priority });
        break;
      case 'call.ended':
        this.ended.inc({ hotline, outcome: event.outcome });
        break;
      case 'call.settled':
        this.settled.inc({ hotline, outcome: event.outcome });
        break;
      case 'offer.created':
        this.rung.inc({ hotline });
        break;
      case 'offer.withdrawn':
        this.offers.inc({ hotline, result: event.reason });
        break;
      case 'volunteer.state':
        // The engine puts a volunteer on a call only when they accept an offer.
        if (event.state === 'talking') this.offers.inc({ hotline, result: 'accepted' });
        break;
    }
  }

  private readLive(): void {
    for (const gauge of [
      this.hotlineInfo,
      this.queueCalls,
      this.longestWait,
      this.available,
      this.instance,
    ])
      gauge.reset();
    // Only the leader's engines hold the queues; a follower's would be empty or stale.
    const leads = !this.cluster || this.cluster.isLeader;
    this.leader.set(leads ? 1 : 0);
    this.instance.set(
      { instance: this.cluster?.instanceId ?? 'single', role: this.cluster?.role() ?? 'single' },
      1,
    );
    this.consoles.set(this.connections.count);
    if (!leads) return;
    const now = this.clock.now().toMillis();
    for (const { hotlineId: hotline, name, queue } of this.switchboard.openQueues()) {
      this.hotlineInfo.set({ hotline, name }, 1);
      // Practice calls ring one volunteer and never queue: they are not the callers waiting.
      const queued = queue.calls.filter(
        (call) => (call.phase === 'waiting' || call.phase === 'offered') && !isPracticeCall(call),
      );
      const inQueue = queued.filter((call) => call.channel !== 'chat');
      const chats = queued.filter((call) => call.channel === 'chat');
      for (const priority of ['crisis', 'normal'] as const) {
        this.queueCalls.set(
          { hotline, priority },
          inQueue.filter((call) => call.priority === priority).length,
        );
        this.queueChats.set(
          { hotline, priority },
          chats.filter((chat) => chat.priority === priority).length,
        );
      }
      const oldest = inQueue.reduce((first, call) => Math.min(first, call.arrivedAt), Infinity);
      this.longestWait.set(
        { hotline },
        inQueue.length === 0 ? 0 : Math.max(0, Math.round((now - oldest) / 1000)),
      );
      this.available.set(
        { hotline },
        queue.volunteers.filter((volunteer) => volunteer.state === 'available').length,
      );
    }
  }

  private gauge<L extends string>(name: string, help: string, labelNames: L[]): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
