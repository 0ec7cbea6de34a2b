import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionState } from '../api/session.js';

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

export type IdlePhase = 'none' | 'active' | 'warning' | 'expired';

export interface IdleTimerOptions {
  /** Seconds before the end at which to warn (WCAG 2.2.1 wants at least 20 s; widgets use 60 or more). */
  warnBefore: () => number;
  /** The warning time has come (`remaining` seconds are left). */
  onWarn: (remaining: number) => void;
  /** The deadline moved out of the warning window (the session was extended, here or elsewhere). */
  onExtended: () => void;
  /** The deadline passed. */
  onExpire: () => void;
  clock?: Clock;
}

/**
 * Follows a session's idle deadline (`idleExpiresAt`, capped by `absoluteExpiresAt`) and says when to warn
 * and when it has passed. It does not guess activity: the server decides idleness from API calls, and the
 * deadline moves only when the session store learns a new one (a refresh, or a fresh read of the session).
 * Call `follow(state)` with every session state; `remaining` and `phase` are for rendering.
 */
export class IdleTimer implements ReactiveController {
  private readonly countdown: Countdown;
  private readonly clock: Clock;
  private deadline: number | undefined;
  private absolute = false;
  phase: IdlePhase = 'none';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: IdleTimerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.countdown = new Countdown(host, this.clock);
    host.addController(this);
  }

  /** Seconds until the session ends (0 when there is no deadline). */
  get remaining(): number {
    return this.deadline === undefined ? 0 : secondsLeft(this.deadline, this.clock.now());
  }

  /** The end is the absolute timeout, which no action can move. */
  get endIsAbsolute(): boolean {
    return this.absolute;
  }

  /** Follows a new session state: a new deadline re-plans the warning; signed out stops everything. */
  follow(state: SessionState | undefined): void {
    const deadline = state?.status === 'signed-in' ? endOf(state) : undefined;
    if (deadline?.at === this.deadline) return;
    this.deadline = deadline?.at;
    this.absolute = deadline?.absolute ?? false;
    if (this.deadline === undefined) {
      this.countdown.stop();
      this.phase = 'none';
      return;
    }
    const wasWarning = this.phase === 'warning';
    this.plan();
    if (wasWarning && this.phase === 'active') this.options.onExtended();
  }

  /** Marks the session as ended (after `onExpire` was handled, or when it ended elsewhere). */
  reset(): void {
    this.deadline = undefined;
    this.countdown.stop();
    this.phase = 'none';
  }

  hostConnected(): void {
    if (this.deadline !== undefined && this.phase !== 'expired') this.plan();
  }

  private plan(): void {
    const deadline = this.deadline;
    if (deadline === undefined) return;
    const warnAt = deadline - Math.max(0, this.options.warnBefore()) * 1000;
    if (this.clock.now() < warnAt) {
      this.phase = 'active';
      this.countdown.startAt(warnAt, () => this.warn());
    } else {
      this.warn();
    }
  }

  private warn(): void {
    const deadline = this.deadline;
    if (deadline === undefined) return;
    if (this.clock.now() >= deadline) {
      this.expire();
      return;
    }
    const first = this.phase !== 'warning';
    this.phase = 'warning';
    this.countdown.startAt(deadline, () => this.expire());
    if (first) this.options.onWarn(this.remaining);
  }

  private expire(): void {
    this.phase = 'expired';
    this.host.requestUpdate();
    this.options.onExpire();
  }
}

/** When a session ends without activity: its idle deadline, or the absolute one when that comes first. */
export function endOf(state: Pick<SessionState, 'idleExpiresAt' | 'absoluteExpiresAt'>): { at: number; absolute: boolean } | undefined {
  const idle = state.idleExpiresAt ? Date.parse(state.idleExpiresAt) : NaN;
  const absolute = state.absoluteExpiresAt ? Date.parse(state.absoluteExpiresAt) : NaN;
  if (Number.isNaN(idle) && Number.isNaN(absolute)) return undefined;
  if (Number.isNaN(idle)) return { at: absolute, absolute: true };
  if (!Number.isNaN(absolute) && absolute <= idle) return { at: absolute, absolute: true };
  return { at: idle, absolute: false };
}
