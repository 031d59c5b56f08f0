# syntax=docker/dockerfile:1
#
# The tracking server's container image: built from source with the Maven Wrapper, run on a JRE.
#
#   docker build -t order-tracking/tracking-server:0.2.0 .
#   docker run -p 8080:8080 -e TRACKING_TOKEN_SECRET=... order-tracking/tracking-server:0.2.0
#
# Base images are pinned to exact releases; pin them by digest in your own registry too.
# checks/src/test/java/org/ordertracking/checks/DockerfileTest.java checks this file statically
# (there is no Docker engine in CI): pinned bases, a non-root user, the port and the variables.
# CI does not build the image with Jib either: Jib builds an image tarball without an engine, but
# it takes its JRE base image from a container registry, and CI reaches none.

# ---- build: the runnable jar -------------------------------------------------------------------
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
# The Maven cache survives between builds (BuildKit). Tests ran in CI; the image build only
# packages. .dockerignore leaves .git out, so the page's asset build id reads "<version>-source".
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl server -am package \
 && cp server/target/tracking-server.jar /tracking-server.jar

# ---- run: JRE, unprivileged user, one process ----------------------------------------------------
# Java 25 runs the Java 17 bytecode and starts about twice as fast (docs/BENCHMARKS.md, "Cold start").
FROM eclipse-temurin:25.0.3_9-jre-noble
LABEL org.opencontainers.image.title="order-tracking server" \
      org.opencontainers.image.version="0.2.0" \
      org.opencontainers.image.licenses="Apache-2.0"

# A fixed numeric user, so that Kubernetes can verify runAsNonRoot without reading /etc/passwd.
RUN groupadd --system --gid 10001 tracking \
 && useradd --system --uid 10001 --gid tracking --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin tracking

WORKDIR /app
COPY --from=build /tracking-server.jar /app/tracking-server.jar
COPY deploy/jvm.options /app/jvm.options
COPY deploy/cds-train.sh /app/cds-train.sh
COPY LICENSE /app/LICENSE
# Class-data sharing: one training start of the server writes the classes it loads to an archive
# that every start maps instead of loading them again (made here, by the image's own JVM, since an
# archive only fits the JVM that wrote it; a JVM that cannot use it ignores it with a warning).
RUN /app/cds-train.sh /app/tracking.jsa && rm -f /tmp/cds-train.log

USER 10001:10001
ENV TRACKING_PORT=8080 \
    TRACKING_HOST=0.0.0.0
EXPOSE 8080

# Liveness only: readiness (/health/ready) is the load balancer's and the orchestrator's question.
# curl is part of the Temurin Ubuntu images.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${TRACKING_PORT}/health/live" || exit 1

# Exec form: java is PID 1 and receives SIGTERM itself, so the node drains (readiness 503, sockets
# closed with 1012 over TRACKING_DRAIN_WINDOW) before it exits. Give the container a stop timeout
# above that window (docker-compose.yml: stop_grace_period; k8s: terminationGracePeriodSeconds).
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/tracking.jsa", "-jar", "/app/tracking-server.jar"]
