/**
 * The reference server as `npm run bench:server` measures it, in a process of its own so that the load
 * generator does not compete with it for the CPU: the API only (no demo site), the test hooks on (the
 * benchmark resets the login throttles between scenarios), answers not validated against the contract (the
 * benchmark measures the server, not the validator), a fresh database in EBOK_DATA_DIR (required).
 *
 * It prints its URL as one line of JSON, `{"url":"http://127.0.0.1:…"}`, once it listens, and stops on SIGTERM
 * or SIGINT, and when its standard input closes: the benchmark holds it open, so the server ends with the
 * benchmark even when that is killed (and then removes the data directory itself, since nobody else will).
 */
import { rmSync } from 'node:fs';
import { createServer } from './app.ts';

const dataDir = process.env.EBOK_DATA_DIR;
if (!dataDir) throw new Error('bench-server: set EBOK_DATA_DIR to a fresh directory');
const server = await createServer({ port: Number(process.env.PORT ?? 0), dataDir, serveSite: false, validateResponses: false, testHooks: true });
console.log(JSON.stringify({ url: server.url }));

let stopping = false;
const stop = (orphaned = false) => {
  if (stopping) return;
  stopping = true;
  const exit = (code: number) => {
    if (orphaned) rmSync(dataDir, { recursive: true, force: true });
    process.exit(code);
  };
  server.close().then(
    () => exit(0),
    () => exit(1),
  );
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
process.stdin.on('end', () => stop(true));
process.stdin.on('error', () => stop(true));
process.stdin.resume();
