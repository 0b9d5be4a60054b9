# The BundID-like SAML IdP simulator (test and demo use only, never production).
# Build context: the repository root, after `./mvnw -DskipTests package`:
#   docker build -f docker/simulator.Dockerfile -t govid-simulator .
# JRE_IMAGE is the base image (any image with `java` 17+ on the PATH); docker/test passes a local stand-in.
ARG JRE_IMAGE=eclipse-temurin:21-jre
FROM ${JRE_IMAGE}
COPY simulator/target/govid-simulator-0.1.0-SNAPSHOT-all.jar /opt/govid-simulator/simulator.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/opt/govid-simulator/simulator.jar"]
# The simulator binds 127.0.0.1 unless told otherwise, which nothing outside the container can reach.
CMD ["--host", "0.0.0.0", "--port", "8081", "--base-url", "http://localhost:8081"]
