# Builds and runs the service; docker-compose.yml runs it with PostgreSQL.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/instagram-automation-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home app && mkdir /home/app/data && chown app /home/app/data
USER app
WORKDIR /home/app
COPY --from=build /app.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
