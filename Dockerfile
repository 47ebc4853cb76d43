# Production image: the plain jar (no sandbox, no demo data: those live in test scope only), unpacked in layers so a
# code change rebuilds only the application layer, not the dependencies.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY schema schema
COPY api api
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests -Dskip.node.tests=true \
    && cp target/linli-*.jar linli.jar \
    && java -Djarmode=tools -jar linli.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app linli
WORKDIR /app
# least to most often changed, one image layer each
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
USER linli
# 8080: the public API. 8081: actuator (health, /actuator/prometheus), for the internal network only.
EXPOSE 8080 8081
# Health lives on the management port in production. bash's /dev/tcp: the JRE image needs no curl for this.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT:-8081} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Sized for a container with a 512 MiB memory limit (docker run --memory=512m; the JVM reads the limit): the heap
# takes 25 % of it and the rest is the JVM's own (classes ~100 MiB, compiled code ~45 MiB, threads, buffers): about
# 390 MiB resident under the side-by-side benchmark's load (a 20 % heap measured no lower: the JVM's own part
# dominates). Serial GC: a container of one or two cores and a small heap gain nothing from a concurrent collector.
# Two malloc arenas instead of glibc's up to eight per core, as usual for a JVM in a container. An OutOfMemoryError
# leaves the JVM in an unknown state: exit and let the orchestrator restart it.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=25", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
