# Production image: the plain jar (no sandbox, no demo data: those live in test scope only).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY schema schema
COPY api api
COPY src src
RUN ./mvnw -B -ntp -q package -DskipTests -Dskip.node.tests=true

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app linli
WORKDIR /app
COPY --from=build /src/target/linli-*.jar /app/linli.jar
USER linli
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/linli.jar"]
