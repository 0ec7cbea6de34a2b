// The story check checks: it fails a story that is inaccessible, that throws or whose widget fails, passes
// one with only minor findings, gives a story its own MSW handlers, and leaves no stories file unchecked.
import { expect } from '@open-wc/testing';
import { html, LitElement, render } from 'lit';
import { http, HttpResponse } from 'msw';
import { SKIPPED } from './skipped.js';
import { checkStory, shardOf, storiesIndex, storiesOf, type CheckableStory } from './story-check.js';

const meta = { title: 'Check/Probe', render: () => html`<p>Nothing wrong here.</p>` };

/** The one story of a stories module made of meta and that story. */
function story(annotations: Record<string, unknown>): CheckableStory {
  const [composed] = storiesOf({ default: meta, Probe: annotations });
  if (!composed) throw new Error('composeStories gave no story');
  return composed;
}

/** The error checkStory fails with, or a failure if it passes. */
async function failure(checked: CheckableStory, canvas: HTMLElement): Promise<string> {
  try {
    await checkStory(checked, canvas);
  } catch (error) {
    return String(error);
  }
  throw new Error(`checkStory passed ${checked.id}`);
}

class FailingProbe extends LitElement {
  override render(): never {
    throw new Error('the probe cannot render');
  }
}
customElements.define('ebok-check-failing-probe', FailingProbe);

describe('the story check', () => {
  let canvas: HTMLElement;
  beforeEach(() => {
    canvas = document.createElement('div');
    document.body.append(canvas);
  });
  afterEach(() => canvas.remove());

  it('passes a story with no serious or critical finding (an empty heading is minor)', async () => {
    // eslint-disable-next-line lit-a11y/accessible-name -- the minor finding the check lets pass
    await checkStory(story({ render: () => html`<h2></h2><p>Text</p>` }), canvas);
  });

  it('fails an inaccessible story, naming the story and the rule', async () => {
    // eslint-disable-next-line lit-a11y/accessible-name -- the critical finding the check must fail
    const message = await failure(story({ render: () => html`<button></button>` }), canvas);
    expect(message).to.include('check-probe--probe').and.include('button-name').and.include('critical');
  });

  it('fails an image without a text alternative inside a shadow root', async () => {
    const host = () => {
      const element = document.createElement('div');
      // eslint-disable-next-line lit-a11y/alt-text -- the critical finding the check must fail
      render(html`<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />`, element.attachShadow({ mode: 'open' }));
      return element;
    };
    expect(await failure(story({ render: host }), canvas)).to.include('image-alt');
  });

  it('fails a story whose render throws, naming the story', async () => {
    const message = await failure(
      story({
        render: () => {
          throw new Error('no such widget');
        },
      }),
      canvas,
    );
    expect(message).to.include('check-probe--probe').and.include('fails to render').and.include('no such widget');
  });

  it('fails a story whose widget throws while it renders', async () => {
    const message = await failure(story({ render: () => html`<ebok-check-failing-probe></ebok-check-failing-probe>` }), canvas);
    expect(message).to.include('check-probe--probe').and.include('the probe cannot render');
  });

  it('fails a story whose play function fails', async () => {
    const message = await failure(
      story({
        play: () => {
          throw new Error('the button is not there');
        },
      }),
      canvas,
    );
    expect(message).to.include('the button is not there');
  });

  it("answers a story's requests with its own MSW handlers and waits for the answer", async () => {
    const probe = () => {
      const element = document.createElement('p');
      void fetch('/api/v1/check-probe')
        .then((response) => response.text())
        .then((text) => (element.textContent = text));
      return element;
    };
    const handlers = [http.get('/api/v1/check-probe', () => HttpResponse.text('answered by the story'))];
    await checkStory(story({ render: probe, parameters: { msw: { handlers } } }), canvas);
    expect(canvas.textContent).to.include('answered by the story');
  });
});

describe('the stories the check covers', () => {
  it('are every stories file on disk, each in one shard of those there are', async () => {
    const { files, shards } = await storiesIndex();
    expect(files.length, 'stories files found').to.be.greaterThan(20);
    expect(shards, 'test/stories/shard-N.test.ts files').to.be.greaterThan(0);
    for (let n = 1; n <= shards; n += 1) {
      const url = new URL(`./shard-${n}.test.ts`, import.meta.url);
      expect((await fetch(url)).ok, `${url.pathname} exists`).to.equal(true);
    }
    const covered = files.map((_, position) => shardOf(position, shards));
    expect(covered.every((shard) => shard >= 1 && shard <= shards)).to.equal(true);
    for (const { file, ids } of files) expect(ids, `stories in ${file}`).to.not.be.empty;
  });

  it('are skipped only with a reason, and only if they exist', async () => {
    const ids = new Set((await storiesIndex()).files.flatMap((file) => file.ids));
    for (const [id, reason] of Object.entries(SKIPPED)) {
      expect(ids.has(id), `skipped story ${id} exists`).to.equal(true);
      expect(reason.length, `the reason ${id} is skipped`).to.be.greaterThan(20);
    }
  });
});
