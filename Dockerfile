# syntax=docker/dockerfile:1
# One image for every Smartdesk process: APP selects gateway or one of the workers.
# Debian (glibc), not alpine: chromadb ships glibc-only native bindings.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN npm run build
# The glove embedding provider's word vectors, parsed once here instead of at every container start.
RUN EMBEDDING_CACHE_DIR=/app/.data/embeddings npm run embeddings:cache

# Production dependencies in their own stage so source changes don't reinstall them.
# package-lock.json keeps the chromadb-js-bindings override pinned.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    APP=gateway
WORKDIR /app
# Files stay root-owned: the node user can read but not modify the code.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/.data/embeddings ./.data/embeddings
COPY kb ./kb
COPY config ./config
# The one writable directory: attachments of the local store (a volume mounted here takes this owner).
RUN mkdir -p .data/attachments && chown node:node .data/attachments
USER node
EXPOSE 3000
# No HEALTHCHECK: workers share this image and have no HTTP; compose/k8s probe the gateway.
# exec replaces the shell so SIGTERM reaches node and workers can drain.
CMD ["sh", "-c", "exec node dist/apps/$APP/src/main.js"]
