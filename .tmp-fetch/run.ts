import { ensureOfflineModel } from '../src/llm/offline/model-fetcher';
import { defaultModelCacheDir } from '../src/llm/offline/offline-model.manifest';
const t = Date.now();
ensureOfflineModel({ cacheDir: defaultModelCacheDir() }).then((p) => console.log('done', p, Date.now() - t, 'ms'), (e) => { console.error('FAILED', e); process.exit(1); });
