import { IndexedHeap } from './indexed-heap';
import { CALL_SLOTS, type Call } from './model';

const PRIORITY_RANK = { crisis: 0, normal: 1 } as const;

/** The order callers are served in: crisis first, then by arrival. Put back, a call keeps it. */
export function queueOrder(a: Call, b: Call): number {
  return (
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    a.arrivedAt - b.arrivedAt ||
    a.seq - b.seq
  );
}

/**
 * The calls waiting for an offer (an offered call is out until the offer ends). Normal calls
 * are also queued per topic, because until their skill fallback only volunteers with that
 * topic may take them.
 */
export class WaitingQueue {
  private readonly crisis = new IndexedHeap(queueOrder, CALL_SLOTS.queue);
  private readonly normal = new IndexedHeap(queueOrder, CALL_SLOTS.queue);
  private readonly normalByTopic = new Map<string, IndexedHeap<Call>>();

  get size(): number {
    return this.crisis.size + this.normal.size;
  }

  add(call: Call): void {
    if (call.priority === 'crisis') return this.crisis.push(call);
    this.normal.push(call);
    this.topicQueue(call.topic).push(call);
  }

  remove(call: Call): void {
    if (call.priority === 'crisis') {
      this.crisis.remove(call);
    } else {
      this.normal.remove(call);
      this.topicQueue(call.topic).remove(call);
    }
  }

  /** The next call in queue order. */
  head(): Call | undefined {
    return this.crisis.peek() ?? this.normal.peek();
  }

  /** The longest-waiting normal call: normal calls reach their skill fallback in this order. */
  firstNormal(): Call | undefined {
    return this.normal.peek();
  }

  /** The first normal call in queue order among the topics that pass the test. */
  firstNormalWhere(topicPasses: (topic: string) => boolean): Call | undefined {
    let first: Call | undefined;
    for (const [topic, topicQueue] of this.normalByTopic) {
      const head = topicQueue.peek();
      if (head && (!first || queueOrder(head, first) < 0) && topicPasses(topic)) first = head;
    }
    return first;
  }

  private topicQueue(topic: string): IndexedHeap<Call> {
    let topicQueue = this.normalByTopic.get(topic);
    if (!topicQueue) {
      topicQueue = new IndexedHeap(queueOrder, CALL_SLOTS.topicQueue);
      this.normalByTopic.set(topic, topicQueue);
    }
    return topicQueue;
  }
}
