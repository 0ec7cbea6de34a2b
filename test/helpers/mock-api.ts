import { getResponse } from 'msw';
import { configure } from '../../src/api/registry.js';
import { createHandlers, type HandlerOptions } from '../../stories/mocks/handlers.js';

/**
 * The page's widgets talk to the mock API (the contract's rules, the demo personas' data: the same handlers as
 * the stories) at `base`, without a service worker: requests go straight to the handlers. A request no handler
 * answers fails like a network error. Returns every request seen, for tests that count them.
 */
export interface MockApiOptions extends Omit<HandlerOptions, 'base'> {
  /** Answers a request before the handlers do (a failure of one operation); undefined leaves it to them. */
  answer?: (request: Request) => Response | undefined;
}

export function useMockApi(base: string, options: MockApiOptions = {}): Request[] {
  const { answer: _answer, ...handlerOptions } = options;
  const handlers = createHandlers({ ...handlerOptions, base });
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request.clone());
    const own = options.answer?.(request);
    if (own) return own;
    const response = await getResponse(handlers, request);
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
  configure({ apiBase: base, fetch, retry: { retries: 0 } });
  return seen;
}
