import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileModelUpdater, writeModelDataFileAtomically } from '@servable/model-updaters';
import { it } from 'vitest';
import { lrModelData, lrServable, servedVersion } from '../support/lr-models.js';
import { sleep } from '../support/wait.js';
it('dbg', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dbg-'));
  const file = join(dir, 'part-0');
  await writeModelDataFileAtomically(file, lrModelData(3));
  const servable = await lrServable();
  const log = (lvl: string) => (f: object, m: string) => console.log(lvl, m, JSON.stringify(f));
  const u = new FileModelUpdater(servable, { path: file, logger: { debug: log('D'), info: log('I'), warn: log('W'), error: log('E') } });
  await u.start();
  for (const v of [4, 5, 6]) {
    await writeModelDataFileAtomically(file, lrModelData(v), { fsync: false });
    await sleep(200);
    console.log('served', servedVersion(servable));
  }
  await u.stop();
});
