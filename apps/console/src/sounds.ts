/**
 * The console's two sounds, made with WebAudio so there is no file to load: a soft chime for a
 * ringing offer and a sharper alarm for a crisis alert. Browsers only play audio after a user
 * gesture, so `unlockAudio` is called from the sign-in and presence buttons.
 */

export type SoundKind = 'ring' | 'alarm';

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  try {
    context = new AudioContext();
  } catch {
    // No WebAudio (or blocked): the console still shows everything; it is just silent.
    context = null;
  }
  return context;
}

export function unlockAudio(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** One note with a gentle attack and decay, so repeated rings are not harsh. */
function note(
  ctx: AudioContext,
  frequency: number,
  start: number,
  length: number,
  type: OscillatorType,
  volume: number,
): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + 0.03);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + length + 0.05);
}

function play(kind: SoundKind): void {
  const ctx = audio();
  if (!ctx || ctx.state !== 'running') return;
  const now = ctx.currentTime;
  if (kind === 'ring') {
    // Two falling notes, like a soft doorbell.
    note(ctx, 659.25, now, 0.6, 'sine', 0.18);
    note(ctx, 523.25, now + 0.35, 0.8, 'sine', 0.18);
  } else {
    // Three short, higher beeps: distinct from the ring and hard to ignore.
    for (let i = 0; i < 3; i += 1) note(ctx, 880, now + i * 0.22, 0.16, 'triangle', 0.25);
  }
}

const INTERVAL_MS: Record<SoundKind, number> = { ring: 2500, alarm: 2000 };

/** Plays the sound now and then repeatedly until the returned function is called. */
export function repeatSound(kind: SoundKind): () => void {
  unlockAudio();
  play(kind);
  const timer = window.setInterval(() => play(kind), INTERVAL_MS[kind]);
  return () => window.clearInterval(timer);
}
