package org.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLTransientConnectionException;
import org.convene.app.Config;
import org.convene.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Failures that are about the database, not a bug, end a command with a message and no stack trace. */
@Tag("db")
class CommandErrorsTest {
    @Test
    void aDatabaseMigratedByAnotherVersionIsAMessage() throws Exception {
        Config config = TestDatabase.get().fresh();
        try (Connection c = DriverManager.getConnection(config.databaseUrl().orElseThrow(), config.databaseUser(), config.databasePassword())) {
            c.createStatement().execute("DELETE FROM flyway_schema_history WHERE version = '54'");
        }
        Throwable refused = catchThrowable(() -> Flyway.configure().dataSource(config.databaseUrl().orElseThrow(), config.databaseUser(),
                config.databasePassword()).locations("classpath:db/migration").load().validate());
        assertThat(refused).isNotNull();
        assertFailsWithMessageOnly(refused, "Validate failed");
    }

    @Test
    void aDatabaseOutOfReachIsAMessage() {
        assertFailsWithMessageOnly(new ConnectionException(new SQLTransientConnectionException(
                "convene - Connection is not available, request timed out after 10000ms")), "Connection is not available");
    }

    private static void assertFailsWithMessageOnly(Throwable failure, String says) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Logger logger = (Logger) LoggerFactory.getLogger(ConveneCommand.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        var cli = ConveneCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code;
        try {
            code = cli.getExecutionExceptionHandler().handleExecutionException((Exception) failure, cli, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("convene: ").contains(says).doesNotContain("\tat ");
        assertThat(logged.list).as("nothing logged as a failure of Convene itself").isEmpty();
    }
}
