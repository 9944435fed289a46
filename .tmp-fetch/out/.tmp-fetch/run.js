"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const model_fetcher_1 = require("../src/llm/offline/model-fetcher");
const offline_model_manifest_1 = require("../src/llm/offline/offline-model.manifest");
const t = Date.now();
(0, model_fetcher_1.ensureOfflineModel)({ cacheDir: (0, offline_model_manifest_1.defaultModelCacheDir)() }).then((p) => console.log('done', p, Date.now() - t, 'ms'), (e) => { console.error('FAILED', e); process.exit(1); });
