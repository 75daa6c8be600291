// `npm run bench [book|sync|packages|ui|text|encryption]`: every benchmark, each against a baseline measured in the same run; prints ratios.
import { runBookBench } from './book.js';
import { runBookAnnexesBench } from './book-annexes.js';
import { runBookDistributionBench } from './book-distribution.js';
import { runBookReissueBench } from './book-reissue.js';
import { runStoreBookBench } from './book-store.js';
import { runEncryptionBench } from './encryption.js';
import { runPackagesBench } from './packages.js';
import { runSyncBench } from './sync.js';
import { runTextBench } from './text.js';
import { runUiBench } from './ui.js';

const only = process.argv[2];
if (!only || only === 'book') {
  await runBookBench();
  await runStoreBookBench();
  await runBookAnnexesBench();
  await runBookDistributionBench();
  await runBookReissueBench();
}
if (!only || only === 'sync') await runSyncBench();
if (!only || only === 'sync' || only === 'packages') runPackagesBench();
if (!only || only === 'ui') await runUiBench();
if (!only || only === 'text') await runTextBench();
if (!only || only === 'encryption') await runEncryptionBench();
