# Multi-stage build: compile with Maven and JDK 17, run on a JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src ./src
# maven.test.skip: the image needs neither the tests nor the client generated for them
RUN mvn -B -ntp -q -Dmaven.test.skip=true -Dspotless.check.skip -Djacoco.skip package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/tryggkarta --create-home tryggkarta
COPY --from=build /src/target/tryggkarta.jar /opt/tryggkarta/tryggkarta.jar
USER tryggkarta
WORKDIR /var/lib/tryggkarta
ENV TRYGGKARTA_DATA=/var/lib/tryggkarta/data TRYGGKARTA_PORT=7070
VOLUME ["/var/lib/tryggkarta/data"]
EXPOSE 7070
HEALTHCHECK --interval=30s --timeout=5s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/7070 || exit 1"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/tryggkarta/tryggkarta.jar"]
CMD ["serve"]
