"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OfflineModelError = void 0;
/** A failure to provide the offline model, with the exact next step for the person reading it. */
class OfflineModelError extends Error {
    constructor(problem, remedy, options) {
        super(`${problem}\n` +
            `What to do: ${remedy}\n` +
            'Alternatives: set OFFLINE_MODEL_PATH to any chat GGUF file you already have, ' +
            'or configure an API key for a hosted OpenAI-compatible model.', options);
        this.name = 'OfflineModelError';
    }
}
exports.OfflineModelError = OfflineModelError;
