// One of the story check's shards (see shard.ts); a shard-N.test.ts added here takes its share automatically.
import { checkShard } from './shard.js';

await checkShard(import.meta.url);
