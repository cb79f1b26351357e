package org.medgemmahub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.h2.tools.Server;

/** An H2 database in server mode on a free port of 127.0.0.1, for hubs in other JVMs to share, as Postgres would be. */
public final class SharedDatabase implements AutoCloseable {
    private final Server server;
    private final String url;

    public SharedDatabase() throws Exception {
        Path dir = Files.createTempDirectory("medgemma-hub-db");
        int port = FreePorts.next();
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists").start();
        url = "jdbc:h2:tcp://127.0.0.1:" + port + "/hubs";
    }

    /** The JDBC URL every hub gets as spring.datasource.url. */
    public String url() {
        return url;
    }

    public Connection connect() throws Exception {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public void close() {
        server.stop();
    }
}
