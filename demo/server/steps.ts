/**
 * The named steps of the server's own checks (selftest.ts, personas-agree.ts, multi-check.ts): each prints `ok`
 * or `FAIL` with the first lines of what went wrong, a failed step does not stop the next, and the failures are
 * counted for the exit code.
 */
export class Steps {
  failures = 0;

  /** Runs one step; a thrown error fails it. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
      console.log(`ok   ${name}`);
    } catch (error) {
      this.fail(name, error);
    }
  }

  /** A failure outside any step (the setup, say). */
  fail(name: string, error: unknown): void {
    this.failures++;
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.log(`FAIL ${name}\n     ${text.split('\n').slice(0, 12).join('\n     ')}`);
  }

  /** Prints the verdict and ends the process: 1 when a step failed. */
  finish(passed: string, failed = `${this.failures} failed`): never {
    console.log(this.failures ? `\n${failed}` : `\n${passed}`);
    process.exit(this.failures ? 1 : 0);
  }
}
