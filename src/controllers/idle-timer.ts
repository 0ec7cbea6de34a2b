import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionState } from '../api/session.js';
import { Countdown, secondsLeft, systemClock, type Clock } from './countdown.js';

// The clock and the countdown live in countdown.ts, so a widget that only counts down (the login's throttle)
// does not load the session timer; they are re-exported here for existing imports.
export { Countdown, secondsLeft, systemClock, type Clock } from './countdown.js';

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
