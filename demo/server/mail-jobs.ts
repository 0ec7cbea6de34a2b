/**
 * E-mails a visitor asks for without signing in (a password reset, a login reminder, a new activation link),
 * sent after the answer.
 *
 * The request only throttles and records the ask (a `mail_jobs` row), the same statements for any identifier,
 * and answers `202`; a worker then looks the identifier up and does the per-account work (a token, the e-mail).
 * So how long the answer takes cannot tell whether an account exists, whatever that work costs (a real mail
 * server, a slow token store): the OWASP Forgot Password Cheat Sheet's "consistent amount of time … by using
 * asynchronous calls", as mail queues in mature servers do it. Doing dummy work for unknown identifiers instead
 * would have to mirror every statement of the known path, and drift with each change to it.
 *
 * The row is written with the request, so with an Idempotency-Key it commits with the key's outcome (a replay
 * queues nothing again), and it outlives a crash after the `202`: the next start, or another server process on
 * the same PostgreSQL, sends it. A job runs in one transaction with its deletion: its token and e-mail exist
 * exactly when the job is gone. Readers of the outbox (`drain`) first wait for every queued job, so a test that
 * reads it right after a `202` finds the message.
 */
import type { Queryable } from './db.ts';
import type { AppState, Ctx, Utility } from './core.ts';
import { logError } from './core.ts';

export type MailJobKind = 'reset' | 'reminder' | 'activation';

/** Where a job runs: the server, its transaction, the time, and the utility for links when the account has none. */
export interface MailEnv {
  app: AppState;
  db: Queryable;
  now: Date;
  utility: Utility;
}

/** Looks `identifier` up and sends what its account gets, if it has one (nothing for an unknown identifier). */
export type MailJobRunner = (env: MailEnv, identifier: string) => Promise<void>;

/** A job that failed this often stays in the table (with its last error) for someone to look at. */
const MAX_ATTEMPTS = 5;
/** Jobs of processes that crashed, or that another process queued, are picked up at least this often. */
const SWEEP_MS = 30_000;
/**
 * A woken worker starts this long after the answer, at random: the work for an account (a token, an e-mail)
 * must not slow exactly the next request, which would tell, the other way round, that the one before was for
 * an account (on the embedded database every statement waits for the one before).
 */
const WAKE_DELAY_MS = { min: 50, max: 250 };

interface JobRow {
  id: string;
  kind: MailJobKind;
  identifier: string;
}

/** Records the ask in the request's transaction; the worker wakes once the request's work is committed. */
export async function queueMail(ctx: Ctx, kind: MailJobKind, identifier: string): Promise<void> {
  await ctx.db.query('INSERT INTO mail_jobs (kind, identifier) VALUES ($1, $2)', [kind, identifier]);
  ctx.afterCommit(() => ctx.app.mailJobs.kick());
}

export class MailJobs {
  private app: AppState | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private wake: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly runners: Record<MailJobKind, MailJobRunner>) {}

  /** Runs the jobs of `app` from now on: first what earlier processes left queued, then at every kick and sweep. */
  start(app: AppState): void {
    this.app = app;
    this.timer = setInterval(() => this.run(), SWEEP_MS);
    this.timer.unref();
    this.run();
  }

  /** Runs the queued jobs soon: a moment after the answer (WAKE_DELAY_MS). */
  kick(): void {
    if (!this.app || this.closed || this.wake) return;
    const { min, max } = WAKE_DELAY_MS;
    this.wake = setTimeout(() => {
      this.wake = undefined;
      this.run();
    }, min + Math.random() * (max - min));
  }

  /** Runs the queued jobs now (one worker per process: asked while it runs, it looks again). */
  private run(): void {
    const app = this.app;
    if (!app || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.closed && (await this.runOne(app, false)));
        } catch (error) {
          logError(app, '[ebok-server] mail jobs failed', error);
        }
      } while (this.again && !this.closed);
    })().finally(() => (this.running = undefined));
  }

  /**
   * Runs every queued job now, waiting for those another worker is running, and resolves when none is left:
   * what is sent for the requests answered so far is then in the outbox.
   */
  async drain(): Promise<void> {
    const app = this.app;
    await this.running;
    if (app) while (await this.runOne(app, true));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.wake) clearTimeout(this.wake);
    await this.running;
  }

  /**
   * One job, in one transaction with its deletion. `wait`: lock the oldest even when another worker holds it
   * (waits for it to finish; a job it finished is gone); otherwise skip the jobs others hold.
   */
  private runOne(app: AppState, wait: boolean): Promise<boolean> {
    return app.db.transaction(async (tx) => {
      const job = (
        await tx.query<JobRow>(`SELECT id, kind, identifier FROM mail_jobs WHERE attempts < $1 ORDER BY id LIMIT 1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`, [MAX_ATTEMPTS])
      )[0];
      if (!job) return false;
      await tx.query('SAVEPOINT mail_job');
      try {
        const env: MailEnv = { app, db: tx, now: new Date(), utility: app.utilities.get(app.defaultUtilityId)! };
        await this.runners[job.kind](env, job.identifier);
        await tx.query('DELETE FROM mail_jobs WHERE id = $1', [job.id]);
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT mail_job');
        await tx.query('UPDATE mail_jobs SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [job.id, String(error instanceof Error ? error.message : error)]);
        logError(app, `[ebok-server] mail job ${job.id} (${job.kind}) failed`, error);
      }
      return true;
    });
  }
}
