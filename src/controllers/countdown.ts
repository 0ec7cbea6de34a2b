import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The time source of countdowns. The default reads `Date.now()` and `setInterval` when it is used (not
 * when it is made), so tests can drive it with sinon's fake timers
 * (`useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })`) or pass a clock of their own.
 */
export interface Clock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (id) => clearInterval(id as ReturnType<typeof setInterval>),
};

/** Whole seconds from `now` until `deadline` (ms), never below zero. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * A countdown to a deadline, ticking once a second while it runs and re-rendering its host on every tick:
 * lockouts ("try again in 14 min 59 s"), code resend cooldowns, session warnings. `onEnd` runs once
 * when it reaches zero. Stops when the host leaves the page and resumes (or ends) when it comes back.
 */
export class Countdown implements ReactiveController {
  private deadline: number | undefined;
  private timer: unknown;
  private onEnd: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clock: Clock = systemClock,
  ) {
    host.addController(this);
  }

  /** Counting down now. */
  get running(): boolean {
    return this.deadline !== undefined;
  }

  /** Seconds left (0 when not running). */
  get remaining(): number {
    return this.deadline === undefined ? 0 : secondsLeft(this.deadline, this.clock.now());
  }

  /** Counts `seconds` from now. */
  startSeconds(seconds: number, onEnd?: () => void): void {
    this.startAt(this.clock.now() + Math.max(0, seconds) * 1000, onEnd);
  }

  /** Counts to `deadline` (epoch ms). A deadline already passed ends at once. */
  startAt(deadline: number, onEnd?: () => void): void {
    this.stopTimer();
    this.deadline = deadline;
    this.onEnd = onEnd;
    this.host.requestUpdate();
    if (!this.check()) this.startTimer();
  }

  /** Stops without calling `onEnd`. */
  stop(): void {
    this.stopTimer();
    this.deadline = undefined;
    this.onEnd = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    if (this.deadline !== undefined && !this.check()) this.startTimer();
  }

  hostDisconnected(): void {
    this.stopTimer();
  }

  private startTimer(): void {
    this.timer ??= this.clock.setInterval(() => {
      this.host.requestUpdate();
      this.check();
    }, 1000);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Ends the countdown when the deadline has come; true when it did. */
  private check(): boolean {
    if (this.deadline === undefined || this.clock.now() < this.deadline) return false;
    const onEnd = this.onEnd;
    this.stopTimer();
    this.deadline = undefined;
    this.onEnd = undefined;
    this.host.requestUpdate();
    onEnd?.();
    return true;
  }
}
