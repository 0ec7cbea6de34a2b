import { expect } from '@open-wc/testing';
import { EbokApiError } from '../../src/api/errors.js';
import { describeFailure, failureText } from '../../src/kit/failure.js';

const api = (init: ConstructorParameters<typeof EbokApiError>[0]) => new EbokApiError(init);

describe('describeFailure', () => {
  let onLine: PropertyDescriptor | undefined;
  afterEach(() => {
    if (onLine) Object.defineProperty(navigator, 'onLine', onLine);
    onLine = undefined;
  });
  const offline = () => {
    onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  };

  it('tells offline from a server it cannot reach, and says typed data stays when sending', () => {
    offline();
    const lost = describeFailure(api({ status: 0, code: 'network_error' }), { action: 'send' });
    expect(lost).to.include({ kind: 'offline', tone: 'warning', retryable: true, code: 'network_error' });
    expect(lost.detail).to.contain('Wpisane dane zostały w formularzu');
    const loading = describeFailure(api({ status: 0, code: 'network_error' }));
    expect(loading.detail, 'loading waits for the connection').to.contain('gdy połączenie wróci');
    Object.defineProperty(navigator, 'onLine', onLine!);
    onLine = undefined;
    expect(describeFailure(api({ status: 0, code: 'network_error' })).kind).to.equal('network');
  });

  it("words timeouts, malformed answers and 5xx, with the caller's sentence for the service", () => {
    expect(describeFailure(api({ status: 0, code: 'timeout' })).message).to.equal('Serwer nie odpowiada.');
    expect(describeFailure(api({ status: 200, code: 'malformed_response' })).kind).to.equal('malformed');
    const down = describeFailure(api({ status: 503, code: 'service_unavailable' }), { unavailable: 'Logowanie jest chwilowo niedostępne.' });
    expect(down).to.include({ kind: 'unavailable', message: 'Logowanie jest chwilowo niedostępne.', retryable: true, status: 503 });
    expect(describeFailure(api({ status: 500, code: 'internal_error' })).message).to.equal('Serwis jest chwilowo niedostępny.');
  });

  it('says how long to wait after a 429 when the server said, and that it is worth trying again', () => {
    const wait = describeFailure(api({ status: 429, code: 'too_many_attempts', retryAfter: 900 }));
    expect(wait).to.include({ kind: 'throttled', retryAfter: 900, retryable: true });
    expect(wait.detail).to.contain('15 minut');
    expect(describeFailure(api({ status: 429, code: 'rate_limited' })).detail).to.contain('kilka minut');
  });

  it('on a 401 asks to log in again, promising to resend only when the request will be resent', () => {
    expect(describeFailure(api({ status: 401, code: 'session_expired' })).detail).to.equal('Zaloguj się ponownie.');
    const resumes = describeFailure(api({ status: 401, code: 'session_expired' }), { resumesAfterLogin: true });
    expect(resumes).to.include({ kind: 'session', retryable: false });
    expect(resumes.detail).to.contain('wyślemy to zaraz potem');
  });

  it('reports the API code, or "unexpected" for anything that did not come from the API', () => {
    const thrown = describeFailure(new TypeError('x is undefined'), { failed: 'Nie udało się wczytać salda.' });
    expect(thrown).to.include({ kind: 'unexpected', code: 'unexpected', message: 'Nie udało się wczytać salda.' });
    expect(thrown).not.to.have.property('status');
    expect(describeFailure(api({ status: 409, code: 'idempotency_in_progress' })).kind).to.equal('in-progress');
    expect(describeFailure(api({ status: 403, code: 'feature_disabled' })).retryable).to.equal(false);
    expect(failureText(describeFailure(api({ status: 0, code: 'timeout' })))).to.equal('Serwer nie odpowiada. Spróbuj ponownie za chwilę.');
  });
});
