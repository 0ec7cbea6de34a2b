/**
 * For the checks that run the reference server as separate processes (multi-check.ts: two processes on one
 * PostgreSQL; crash-check.ts: a process killed and started again): start `main.ts --demo` as a child process
 * on a free port, wait until it answers, kill it, and talk to its API as a client with a session would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from './app.ts';
import { DEMO_PASSWORD } from './seed.ts';

export interface Instance {
  name: string;
  url: string;
  api: string;
  child: ChildProcess;
  /** What the process wrote, for a failure's report. */
  output: () => string;
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/**
 * Starts `main.ts --demo` (API only) as its own node process, so that SIGKILL kills the server itself, and answers
 * once its API answers. `env` adds to the environment (DATABASE_URL, EBOK_DATA_DIR).
 */
export async function startInstance(name: string, env: Record<string, string>, port?: number): Promise<Instance> {
  const chosen = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'demo/server/main.ts'), '--demo'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(chosen), EBOK_NO_SITE: '1', EBOK_LOG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${chosen}`;
  const instance: Instance = { name, url, api: `${url}/api/v1`, child, output: () => output };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited at start (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      const res = await fetch(`${instance.api}/portal-config`);
      if (res.ok) return instance;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer within 60 s:\n${output}`);
    }
    await sleep(100);
  }
}

/** Ends the process (SIGKILL: at once, as a crash; SIGTERM: its own shutdown) and waits until it is gone. */
export async function stopInstance(instance: Instance, signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** One request to `instance`'s API: JSON or a form as the body, the session's cookie and CSRF token when given. */
export async function call(instance: Instance, method: string, path: string, options: { session?: Session | null; body?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) {
    headers.Cookie = options.session.cookie;
    if (method !== 'GET') headers['X-CSRF-Token'] = options.session.csrf;
  }
  let body: string | FormData | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${instance.api}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

export async function signIn(instance: Instance, identifier: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await call(instance, 'POST', '/auth/login', { body: { identifier, password } });
  if (res.status !== 200) throw new Error(`login ${identifier} on ${instance.name}: ${res.status} ${JSON.stringify(res.body)}`);
  const session = res.body.session as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: session.csrfToken };
}

/** A test hook of the demo mode (`/api/test/…`), answering 2xx or failing. */
export async function hook(instance: Instance, method: string, path: string): Promise<Response> {
  const res = await fetch(`${instance.url}/api/test/${path}`, { method });
  if (!res.ok) throw new Error(`${method} /api/test/${path} on ${instance.name}: ${res.status}`);
  return res;
}
