package org.medgemmahub.dicom.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.TemporaryPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The series store on a real PostgreSQL server with the Postgres schema: adders racing to insert the same series
 * row (a failed insert spoils its transaction there, unlike on H2) lose no instance.
 */
class PostgresSeriesStoreIT {
    @Test
    void addersRacingOnNewSeriesLoseNoInstanceOnPostgres() throws Exception {
        try (TemporaryPostgres postgres = TemporaryPostgres.start()) {
            PGSimpleDataSource database = new PGSimpleDataSource();
            database.setURL(postgres.url());
            database.setUser("postgres");
            new ResourceDatabasePopulator(new ClassPathResource("db/schema-postgresql.sql")).execute(database);
            SeriesStore store = new SeriesStore(database, "pg", Duration.ofMinutes(2), Clock.systemUTC());

            SeriesStoreTest.addConcurrently(store, "pg-race-");

            JdbcTemplate jdbc = new JdbcTemplate(database);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_series_instances", Integer.class)).isEqualTo(4 * 60);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_series", Integer.class)).isEqualTo(3);
        }
    }
}
