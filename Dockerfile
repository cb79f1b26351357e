# MedGemma Hub image: built from this checkout, runs the jar with routes/ beside it (editable without a rebuild).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY fhir-profiles fhir-profiles
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/medgemma-hub-*.jar /app/medgemma-hub.jar
COPY routes /app/routes
ENV HUB_DATA_DIR=/data
VOLUME /data
EXPOSE 8080 2575 11112
# A JVM out of heap keeps its listeners but loses threads at random: better to exit and be restarted, which the
# hub's crash safety makes harmless (README "Operations").
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/medgemma-hub.jar"]
