// The story check: every Storybook story rendered in Chromium the way Storybook renders it (the project's
// .storybook/preview.ts decorators, loaders and globals, the story's MSW handlers, its loaders, beforeEach
// and play), left to settle, and then checked with axe. A story that throws, a widget that fails while it
// renders, or a state with a serious or critical accessibility violation fails, named by its story id.
import { setProjectAnnotations } from '@storybook/web-components';
import { composeStories } from 'storybook/preview-api';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { SetupWorker } from 'msw/browser';
import preview from '../../.storybook/preview.js';
import { DEFAULT_RETRY } from '../../src/api/retry.js';

/** A story as composeStories hands it out: its id, and run() to load, render and play it. */
export interface CheckableStory {
  id: string;
  storyName: string;
  globals: Record<string, unknown>;
  run: (context?: { canvasElement?: HTMLElement }) => Promise<void>;
}

/** What the test server indexed (test/tools/wtr-stories-plugin.mjs): each stories file and its story ids. */
export interface StoriesIndex {
  shards: number;
  files: Array<{ file: string; title: string; ids: string[] }>;
}

/** The impacts that fail a story; moderate and minor findings are left to the Storybook a11y panel. */
export const FAILING_IMPACTS: ReadonlyArray<Result['impact']> = ['serious', 'critical'];

/** A request still unanswered after this long is a state the story shows on purpose (loading, sending). */
const PENDING_ON_PURPOSE_MS = 700;
/** The longest a story may take to settle before it is checked as it is. */
const SETTLE_LIMIT_MS = 4000;

/**
 * After an answer the client may retry (a network error, 429, 502, 503 or 504), the longest it waits before it does:
 * its last backoff ceiling, and a little more. A story of such failures settles only after that.
 */
const RETRY_GAP_MS = Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** (DEFAULT_RETRY.retries - 1)) + 150;

/** The statuses the client retries (src/api/retry.ts). */
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

let worker: SetupWorker | undefined;
const inFlight = new Map<string, number>();
let lastRetryable = -Infinity;

const project = setProjectAnnotations([
  preview,
  {
    // The addon's mswLoader (in preview.ts) starts one worker and puts it on the context; the check
    // watches its requests to know when a story has its answers.
    beforeEach(context) {
      const msw = (context as { msw?: SetupWorker }).msw;
      if (msw && msw !== worker) {
        worker = msw;
        msw.events.on('request:start', ({ requestId }) => void inFlight.set(requestId, performance.now()));
        msw.events.on('request:end', ({ requestId }) => void inFlight.delete(requestId));
        // HttpResponse.error() (the offline scenario) comes out as a bypassed response of type "error".
        const retryable = ({ response }: { response: Response }) => {
          if (response.type === 'error' || RETRIED_STATUSES.has(response.status)) lastRetryable = performance.now();
        };
        msw.events.on('response:mocked', retryable);
        msw.events.on('response:bypass', retryable);
      }
    },
  },
]);

/** The stories a stories module exports, composed with the project's annotations. */
export function storiesOf(module: Record<string, unknown>): CheckableStory[] {
  return Object.values(composeStories(module as Parameters<typeof composeStories>[0], project)) as unknown as CheckableStory[];
}

interface Updating extends Element {
  isUpdatePending?: boolean;
  updateComplete?: Promise<unknown>;
}

/** Every ebok-* element under root, through shadow roots. */
function widgets(root: Element | ShadowRoot, found: Updating[] = []): Updating[] {
  for (const element of root.querySelectorAll('*')) {
    if (element.localName.startsWith('ebok-')) found.push(element);
    if (element.shadowRoot) widgets(element.shadowRoot, found);
  }
  return found;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Waits until no widget has an update pending, every request is answered (or pending on purpose) and no
 * retry of a failed one can still come.
 */
async function settle(canvas: HTMLElement): Promise<void> {
  const start = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - start < SETTLE_LIMIT_MS) {
    const elements = widgets(canvas);
    await Promise.all(elements.flatMap((element) => (element.updateComplete ? [element.updateComplete] : [])));
    await frame();
    const now = performance.now();
    const waiting = [...inFlight.values()].some((since) => now - since < PENDING_ON_PURPOSE_MS) || now - lastRetryable < RETRY_GAP_MS;
    const updating = widgets(canvas).some((element) => element.isUpdatePending);
    quiet = waiting || updating ? 0 : quiet + 1;
  }
}

interface Axe {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

async function axe(): Promise<Axe> {
  const global = window as unknown as { axe?: Axe };
  // @ts-expect-error axe-core's browser build has no types of its own; it registers window.axe.
  if (!global.axe) await import('axe-core/axe.min.js');
  if (!global.axe) throw new Error('axe-core did not load');
  return global.axe;
}

/** One line per failing rule: the rule, its impact, what it asks for and the first elements it found. */
function describeViolation(violation: Result): string {
  const targets = violation.nodes
    .slice(0, 3)
    .map((node) => `      ${JSON.stringify(node.target)} ${node.html.slice(0, 160)}`)
    .join('\n');
  return `  ${violation.id} (${violation.impact}): ${violation.help} ${violation.helpUrl}\n${targets}`;
}

/**
 * Renders one story into canvas and checks it: it must render and play without an error (thrown, or an
 * uncaught error or rejection while it renders and settles) and have no serious or critical axe violation.
 */
export async function checkStory(story: CheckableStory, canvas: HTMLElement): Promise<void> {
  // What the story before left (a request it kept pending, a failure it was answered) is not this story's.
  inFlight.clear();
  lastRetryable = -Infinity;
  const uncaught: unknown[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    try {
      await story.run({ canvasElement: canvas });
      await settle(canvas);
    } catch (error) {
      throw new Error(`Story ${story.id} ("${story.storyName}") fails to render or play: ${String(error)}`, { cause: error });
    }
    if (uncaught.length) {
      throw new Error(`Story ${story.id} ("${story.storyName}") had an uncaught error while it rendered: ${uncaught.map(String).join('; ')}`);
    }
    if (!canvas.querySelector('*')) throw new Error(`Story ${story.id} ("${story.storyName}") rendered nothing`);
    const results = await (await axe()).run(canvas, { resultTypes: ['violations'] });
    const failing = results.violations.filter((violation) => FAILING_IMPACTS.includes(violation.impact));
    if (failing.length) {
      throw new Error(
        `Story ${story.id} ("${story.storyName}") has ${failing.length} serious or critical accessibility violation(s):\n${failing.map(describeViolation).join('\n')}`,
      );
    }
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

/** The index of stories files the test server built from the sources. */
export async function storiesIndex(): Promise<StoriesIndex> {
  const response = await fetch('/__ebok/stories.json');
  if (!response.ok) throw new Error(`/__ebok/stories.json answered ${response.status}: is wtr-stories-plugin in web-test-runner.config.mjs?`);
  return (await response.json()) as StoriesIndex;
}

/** Which shard (1..of) checks the stories file at position index of the sorted list. */
export const shardOf = (index: number, of: number): number => (index % of) + 1;
