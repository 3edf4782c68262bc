#!/usr/bin/env bash
# Builds the Dockerfile as it is, then runs what the image holds: migrations, the gateway and the four
# workers, against this machine's Postgres and Redis and a Chroma from node_modules; one German ticket must be
# triaged and the web app served. Not part of `npm test`: it needs a container builder and about 10 minutes.
#
#   scripts/image-check.sh                  # docker if its daemon answers, else podman (apt-get install podman)
#   STAND_IN_BASE=1 scripts/image-check.sh  # where Docker Hub is unreachable (this sandbox)
#
# STAND_IN_BASE=1 builds the base image node:20-bookworm-slim from Debian's packages (debootstrap) and this
# machine's Node 20, with a `node` user and this machine's CA bundle, so the Dockerfile is built unchanged.
# The processes run from the image's exported filesystem with chroot, as the image's user: the image's files
# and command are what is checked, and it needs no container runtime (this sandbox's cannot set rlimits).
set -euo pipefail
cd "$(dirname "$0")/.."

builder=podman
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then builder=docker; fi
work=$(mktemp -d /tmp/image-check.XXXX)
db=image_check_$$
cleanup() {
  # The apps: every process whose root is the image's filesystem.
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$work/root" ] && kill "${proc#/proc/}" 2>/dev/null
  done
  [ -n "${chroma:-}" ] && kill "$chroma" 2>/dev/null
  sleep 1
  umount "$work/root/proc" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" postgres >/dev/null 2>&1 || true
  # Never delete through a mount still in place.
  if grep -q " $work/" /proc/mounts; then echo "left $work: still mounted"; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ "${STAND_IN_BASE:-}" = 1 ]; then
  echo "stand-in base image from Debian bookworm and $(node -v)"
  debootstrap --variant=minbase bookworm "$work/base" http://deb.debian.org/debian >"$work/debootstrap.log"
  mkdir -p "$work/base/usr/local/bin" "$work/base/usr/local/lib/node_modules" "$work/base/etc/ssl/certs"
  cp "$(command -v node)" "$work/base/usr/local/bin/node"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$work/base/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/base/usr/local/bin/npm"
  cp /etc/ssl/certs/ca-certificates.crt "$work/base/etc/ssl/certs/"
  chroot "$work/base" sh -c 'groupadd -g 1000 node && useradd -u 1000 -g node -m node'
  tar -C "$work/base" -c . | $builder import --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - docker.io/library/node:20-bookworm-slim >/dev/null
  rm -rf "$work/base"
fi

echo "building the image with $builder"
options=()
# podman: RUN steps in a chroot (no container runtime needed), and never pull the stand-in base.
if [ "$builder" = podman ]; then options=(--isolation chroot --network host ${STAND_IN_BASE:+--pull=never}); fi
start=$(date +%s)
$builder build "${options[@]}" -t smartdesk:image-check . >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
echo "built in $(($(date +%s) - start)) s: $(grep -E '^added [0-9]+ packages' "$work/build.log" | tr '\n' ';')"

mkdir "$work/root"
container=$($builder create smartdesk:image-check)
$builder export "$container" | tar -C "$work/root" -x
$builder rm "$container" >/dev/null
# Device nodes of the image's own (a bind mount of /dev would expose the host's to the clean-up).
mkdir -p "$work/root/dev"
for node in null:3 zero:5 random:8 urandom:9; do rm -f "$work/root/dev/${node%:*}"; mknod -m 666 "$work/root/dev/${node%:*}" c 1 "${node#*:}"; done
mount -t proc proc "$work/root/proc"

node node_modules/chromadb/dist/cli.mjs run --path "$work/chroma" --host 127.0.0.1 --port 8399 >"$work/chroma.log" 2>&1 &
chroma=$!
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db" postgres
# The image's user and environment (docker-compose.yml's x-app-env, with this machine's services).
run() {
  chroot --userspec=1000:1000 "$work/root" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/home/node NODE_ENV=production \
    DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" REDIS_URL=redis://127.0.0.1:6379 CHROMA_URL=http://127.0.0.1:8399 \
    QUEUE_PREFIX="$db" CHROMA_COLLECTION_PREFIX="$db" JWT_SECRET="$(openssl rand -hex 32)" KB_DIR=kb TAXONOMY_FILE=config/taxonomy.yml \
    SLA_CONFIG_FILE=config/sla.yml ESCALATION_RULES_FILE=config/escalation.yml EMBEDDING_PROVIDER=glove EMBEDDING_CACHE_DIR=/app/.data/embeddings \
    EMBEDDING_MODEL_DIR=/app/.data/models LLM_PROVIDER=none ATTACHMENTS_DIR=/app/.data/attachments "$@"
}
run sh -c 'cd /app && exec node dist/libs/database/src/migrate.main.js' | tail -1
run PORT=3999 sh -c 'cd /app && exec node dist/apps/gateway/src/main.js' >"$work/gateway.log" 2>&1 &
port=8390
for app in categorization-worker sentiment-worker rag-worker escalation-worker; do
  port=$((port + 1))
  run WORKER_HEALTH_PORT=$port sh -c "cd /app && exec node dist/apps/$app/src/main.js" >"$work/$app.log" 2>&1 &
done
for probe in 3999 8391 8392 8393 8394; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$probe/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$probe/health/ready" >/dev/null || { echo "port $probe never ready"; tail -n 5 "$work"/*.log; exit 1; }
done
echo "gateway and four workers ready"

curl -sf -X POST http://127.0.0.1:3999/api/tickets -H 'content-type: application/json' \
  -d '{"customerName":"Jamie","customerEmail":"jamie@example.com","subject":"Paket nicht angekommen","description":"Mein Paket ist seit zehn Tagen nicht angekommen, wo bleibt die Sendung?"}' >/dev/null
for _ in $(seq 1 30); do
  triaged=$(psql -h 127.0.0.1 -U postgres -Atc "SELECT category || ' ' || language FROM tickets WHERE status = 'triaged'" "$db")
  [ -n "$triaged" ] && break
  sleep 1
done
[ "$triaged" = "shipping de" ] || { echo "ticket not triaged as shipping/de: '$triaged'"; exit 1; }
web=$(curl -s -o /dev/null -w '%{http_code}' -H 'accept: text/html' http://127.0.0.1:3999/)
[ "$web" = 200 ] || { echo "web app: HTTP $web"; exit 1; }
echo "image check passed: a German ticket triaged (shipping, de) by the image's workers; the web app served at /"
