package org.medgemmahub.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The hub's default database URL keeps every commit that returned when the process is killed with SIGKILL. The
 * series being collected and the idempotency claims live there, and the JMS message that fed them is acknowledged
 * right after the commit: a commit that a crash takes back loses that message. (H2's default writes commits to its
 * file up to 500 ms later; the crash test lost DICOM series members to it.)
 */
class HubDatabaseDurabilityIT {
    private static final int COMMITS_BEFORE_KILL = 2_000;

    @TempDir Path dataDir;

    @Test
    void everyCommitThatReturnedSurvivesASigkill() throws Exception {
        String url = configuredUrl().replace("${hub.data-dir}", dataDir.toString());
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommitWriter.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int lastReturned = 0;
        try (BufferedReader returned = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = returned.readLine(); line != null; line = returned.readLine()) {
                lastReturned = Integer.parseInt(line.trim());
                if (lastReturned >= COMMITS_BEFORE_KILL) break;
            }
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastReturned).as("commits the writer saw return").isEqualTo(COMMITS_BEFORE_KILL);

        try (Connection reopened = DriverManager.getConnection(url, "sa", "")) {
            int kept = rowsKept(reopened, lastReturned);
            System.out.printf("database durability: %d commits returned before SIGKILL, %d of them kept%n", lastReturned, kept);
            assertThat(kept).as("rows kept of " + lastReturned + " committed").isEqualTo(lastReturned);
        }
    }

    /** Rows 1 to {@code returned} in the writer's table (it went on after those); 0 when even the table was lost. */
    private static int rowsKept(Connection database, int returned) throws Exception {
        try (ResultSet table = database.createStatement().executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'COMMITTED'")) {
            table.next();
            if (table.getInt(1) == 0) return 0;
        }
        try (ResultSet rows = database.createStatement().executeQuery("SELECT COUNT(*) FROM committed WHERE n <= " + returned)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String configuredUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        return yaml.getObject().getProperty("spring.datasource.url");
    }
}
