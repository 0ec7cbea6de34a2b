import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { SKIPPED } from './skipped.js';
import { checkStory, shardOf, storiesIndex, storiesOf, type CheckableStory } from './story-check.js';

/** Storybook's viewports (its `viewport` global) a story may ask for, and the test page's own size. */
const VIEWPORTS: Readonly<Record<string, { width: number; height: number }>> = {
  mobile1: { width: 320, height: 568 },
  mobile2: { width: 414, height: 896 },
  tablet: { width: 834, height: 1112 },
};
const PAGE = { width: 800, height: 600 };

/** The viewport a story asks for with `globals: { viewport: { value } }`, or undefined for the page's own. */
function viewportOf(story: CheckableStory): { width: number; height: number } | undefined {
  const value = (story.globals['viewport'] as { value?: string } | undefined)?.value;
  if (value === undefined) return undefined;
  const size = VIEWPORTS[value];
  if (!size) throw new Error(`Story ${story.id} asks for the viewport "${value}", which the story check does not know (test/stories/shard.ts)`);
  return size;
}

/**
 * Defines the tests of one shard (test/stories/shard-N.test.ts calls it with its own URL): the stories
 * files at every Nth place of the sorted list, one test per story, and one that proves every story those
 * files hold, as Storybook indexes them, was checked. A story with a `viewport` global (a phone) is checked
 * in a page of that size. The shards split the ~400 stories so no test file
 * runs long, and Storybook's modules, the widgets and the MSW worker load once per shard.
 */
export async function checkShard(url: string): Promise<void> {
  const shard = Number(/shard-(\d+)\.test\.ts/.exec(url)?.[1]);
  const index = await storiesIndex();
  const files = index.files.filter((_, position) => shardOf(position, index.shards) === shard);
  const modules = await Promise.all(files.map(async ({ file }) => (await import(`/${file}`)) as Record<string, unknown>));

  describe(`stories, shard ${shard} of ${index.shards}`, () => {
    const canvas = document.createElement('div');
    before(() => document.body.append(canvas));
    after(() => canvas.remove());

    files.forEach(({ file, title, ids }, position) => {
      describe(`${file} (${title})`, function () {
        this.timeout(20000);
        const stories = storiesOf(modules[position] ?? {});
        const checked = new Set<string>();
        for (const story of stories) {
          const reason = SKIPPED[story.id];
          if (reason) {
            it.skip(`${story.id}: skipped, ${reason}`);
            checked.add(story.id);
            continue;
          }
          it(story.id, async () => {
            const viewport = viewportOf(story);
            if (viewport) await setViewport(viewport);
            try {
              await checkStory(story, canvas);
            } finally {
              if (viewport) await setViewport(PAGE);
            }
            checked.add(story.id);
          });
        }
        it('renders and checks every story Storybook indexes in the file', () => {
          expect([...checked].sort()).to.deep.equal([...ids].sort());
        });
      });
    });
  });
}
