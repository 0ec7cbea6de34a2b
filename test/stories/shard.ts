import { expect } from '@open-wc/testing';
import { SKIPPED } from './skipped.js';
import { checkStory, shardOf, storiesIndex, storiesOf } from './story-check.js';

/**
 * Defines the tests of one shard (test/stories/shard-N.test.ts calls it with its own URL): the stories
 * files at every Nth place of the sorted list, one test per story, and one that proves every story those
 * files hold, as Storybook indexes them, was checked. The shards split the ~400 stories so no test file
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
            await checkStory(story, canvas);
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
