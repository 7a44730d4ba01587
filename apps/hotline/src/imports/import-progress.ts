import { Injectable } from '@nestjs/common';

export interface Progress {
  phase: 'reading' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
}

/** How far each running commit is, by the key its client chose; kept a while after it ends. */
@Injectable()
export class ImportProgress {
  private readonly running = new Map<string, Progress & { actorId: string }>();

  report(actorId: string, key: string | undefined, progress: Progress): void {
    if (!key) return;
    this.running.set(key, { ...progress, actorId });
    // A finished import is asked for once or twice more at most.
    if (progress.phase === 'done' || progress.phase === 'failed')
      setTimeout(() => this.running.delete(key), 60_000).unref();
  }

  /** Only its own importer sees it. */
  of(actorId: string, key: string): Progress | undefined {
    const progress = this.running.get(key);
    if (!progress || progress.actorId !== actorId) return undefined;
    const { phase, done, total } = progress;
    return { phase, done, total };
  }
}
