# The BundID-like SAML IdP simulator (test and demo use only, never production).
# Build context: the repository root, after `./mvnw -DskipTests package`:
#   docker build -f docker/simulator.Dockerfile -t govid-simulator .
FROM eclipse-temurin:21-jre
COPY simulator/target/govid-simulator-0.1.0-SNAPSHOT-all.jar /opt/govid-simulator/simulator.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/opt/govid-simulator/simulator.jar"]
CMD ["--port", "8081", "--base-url", "http://localhost:8081"]
