package org.medgemmahub.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Run in a JVM of its own by {@link HubDatabaseDurabilityIT}: commits one row at a time to the database URL it is
 * given, auto-commit, and prints each row's number once its commit has returned, until it is killed.
 */
public final class CommitWriter {
    private CommitWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
            connection.createStatement().execute("CREATE TABLE committed (n INT PRIMARY KEY)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO committed VALUES (?)");
            for (int n = 1; ; n++) {
                insert.setInt(1, n);
                insert.executeUpdate();
                System.out.println(n);
            }
        }
    }
}
