import { expect } from '@open-wc/testing';
import { uploadVia } from '../../src/kit/upload.js';

/** The upload transport the client takes as `via`: what fetch would answer, plus the progress of the body. */
describe('uploadVia (kit/upload)', () => {
  it('answers like fetch: the status, the headers and the body of the server\'s answer, and the upload reaches 100 %', async () => {
    const seen: number[] = [];
    const request = new Request(new URL('/test/kit/upload.test.ts', location.href), { method: 'GET' });
    const response = await uploadVia((fraction) => seen.push(fraction))(request);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('javascript');
    expect(await response.text()).to.contain('uploadVia');
    expect(seen.at(-1)).to.equal(1);
  });

  it('sends the request\'s own headers and its multipart body with the boundary it was built with', async () => {
    const data = new FormData();
    data.set('payload', new Blob(['{"a":1}'], { type: 'application/json' }));
    const request = new Request(new URL('/no-such-upload', location.href), { method: 'POST', body: data, headers: { 'X-Test': 'yes' } });
    const response = await uploadVia(() => {})(request);
    // The test server answers a POST it does not know with an error status: still an answer, not a rejection.
    expect(response.status).to.be.at.least(400);
  });

  it('rejects with a TypeError, as fetch does, when no answer comes (nothing listens)', async () => {
    const request = new Request('http://127.0.0.1:9/api/v1/points/p/readings', { method: 'POST', body: 'x' });
    let error: unknown;
    try {
      await uploadVia(() => {})(request);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
  });

  it('rejects with an AbortError when the request is cancelled', async () => {
    const controller = new AbortController();
    const request = new Request(new URL('/test/kit/upload.test.ts', location.href), { signal: controller.signal });
    const pending = uploadVia(() => {})(request);
    controller.abort();
    let error: unknown;
    try {
      await pending;
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).name).to.equal('AbortError');
  });
});
