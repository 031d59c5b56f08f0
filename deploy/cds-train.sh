#!/bin/sh
# Builds the class-data-sharing archive of the image: starts the server once with a short training
# run (start-up, readiness, minting a link, a WebSocket upgrade with its snapshot, an event) and
# lets the JVM write every class it loaded to an archive at exit (-XX:ArchiveClassesAtExit). The
# image then starts with -XX:SharedArchiveFile: classes are mapped, not parsed and verified again,
# which is most of the start-up time (docs/BENCHMARKS.md, "Cold start"). The archive belongs to the
# exact JVM that made it: make it in the run stage, with the image's own java.
#
#   deploy/cds-train.sh OUT.jsa [JAR] [JVM_OPTIONS_FILE]
set -eu
out=$1
jar=${2:-/app/tracking-server.jar}
options=${3:-/app/jvm.options}
java=${JAVA:-java}
port=18081
key=cds-training-admin-key
# Throw-away values for the training run only: memory engine, loopback, nothing kept.
TRACKING_PORT=$port TRACKING_HOST=127.0.0.1 TRACKING_DRAIN_WINDOW=100ms \
TRACKING_TOKEN_SECRET=cds-training-secret-not-used-anywhere-else TRACKING_ADMIN_KEY=$key \
TRACKING_API_KEYS=cds=cds-training-api-key \
  "$java" "@$options" -XX:ArchiveClassesAtExit="$out" -jar "$jar" >/tmp/cds-train.log 2>&1 &
pid=$!
i=0
until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  i=$((i + 1))
  if [ $i -gt 300 ] || ! kill -0 $pid 2>/dev/null; then
    cat /tmp/cds-train.log >&2
    echo "cds-train: the server did not become ready" >&2
    kill $pid 2>/dev/null || true
    exit 1
  fi
  sleep 0.1
done
for n in 1 2 3 4 5; do
  order="cds-training-$n"
  token=$(curl -fs -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$port/api/v1/orders/$order/tracking-links" | sed 's/.*"token":"\([^"]*\)".*/\1/')
  curl -fs -o /dev/null -X POST -H 'Authorization: Bearer cds-training-api-key' -H 'Content-Type: application/json' \
    -d '{"lat":52.52,"lng":13.40}' "http://127.0.0.1:$port/api/v1/orders/$order/location" || true
  # An upgrade: the server answers 101 and sends the snapshot; curl just waits until --max-time.
  curl -s -o /dev/null --http1.1 --max-time 1 -H 'Connection: Upgrade' -H 'Upgrade: websocket' \
    -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==' \
    "http://127.0.0.1:$port/ws/track?token=$token" || true
done
kill -TERM $pid
wait $pid || true
test -s "$out"
echo "cds-train: wrote $out"
