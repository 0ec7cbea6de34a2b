// What the browser benchmarks (bench-pages.mjs, bench-list.mjs) share: their cleanup on every way out, and
// waiting with a limit that says what did not happen.

/** Steps run by `cleanup()`, last added first: stop the browser, close the servers, remove temporary files. */
export const cleanups = [];
let cleaning;

/** Runs every cleanup step once (a failing step is reported and the next still runs); the same promise after. */
export function cleanup() {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the benchmark`);
    void cleanup().then(() => process.exit(130));
  });
}

/** `promise`, or an error that says what did not happen within `ms`. */
export function within(ms, what, promise) {
  promise.catch(() => undefined); // still settles after a timeout (the browser closing): not an unhandled rejection
  let timer;
  const limit = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what} did not happen within ${Math.round(ms / 1000)} s`)), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
