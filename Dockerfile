# The hub against an external MariaDB. Build the artefacts on the host first, then the image:
#   mvn package && docker build -t intercoop-hub .
# The database settings are given at run time, never baked in:
#   docker run -p 8080:8080 --memory 2g -v hub-data:/opt/hub/data -e HUB_DB_URL=jdbc:mariadb://db:3306/hub \
#     -e HUB_DB_USER=hub -e HUB_DB_PASSWORD=... intercoop-hub
# Without HUB_DB_URL the launcher would start its embedded MariaDB, which is for development, not for this image.
FROM eclipse-temurin:17-jre

WORKDIR /opt/hub
# the launcher finds the WAR and lib/ beside its jar, and reads config/hub.properties from the working directory
COPY target/intercoop-hub.jar target/intercoop-hub.war ./
COPY target/lib/ lib/
COPY config/ config/

# the application files stay root's; the hub writes under data/ only: Payara Micro's runtime files, the integrity key
# and the anchors of the ledger's and the audit log's chains (keep it on a volume: without the key nothing keyed can be
# verified)
RUN groupadd --system --gid 10001 hub \
    && useradd --system --uid 10001 --gid hub --home-dir /opt/hub --no-create-home hub \
    && mkdir data && chown hub:hub data
USER 10001:10001
VOLUME ["/opt/hub/data"]

# the JVM's default heap is a quarter of the container's memory; the hub needs 512 MiB plus 256 MiB per import worker
# (1 GiB with the default two), so give the container 1.5 GiB or more (docker run --memory 2g) or set -Xmx here
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75"

EXPOSE 8080
# bash's /dev/tcp instead of curl, which the JRE image does not promise; ready means the database answers
HEALTHCHECK --start-period=120s --interval=30s --timeout=5s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${HUB_HTTP_PORT:-8080} && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q '^HTTP/[0-9.]* 200'"]
ENTRYPOINT ["java", "-jar", "intercoop-hub.jar"]
