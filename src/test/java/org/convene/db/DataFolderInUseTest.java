package org.convene.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.convene.app.Config;
import org.convene.cli.ConveneCommand;
import org.junit.jupiter.api.Test;

/** A second Convene on a data folder in use is refused with a message that says so, and no stack trace. */
class DataFolderInUseTest {
    @Test
    void aSecondDatabaseOnTheSameFolderIsRefusedClearly() throws Exception {
        Path dir = Files.createTempDirectory("convene-in-use");
        Config config = Config.from(Map.of("CONVENE_DATA_DIR", dir.toString()));
        try (Database first = Database.open(config)) {
            assertThatThrownBy(() -> Database.open(config)).isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining(dir.toAbsolutePath().toString()).hasMessageContaining("in use by another Convene");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            var cli = ConveneCommand.commandLine();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.getExecutionExceptionHandler().handleExecutionException(new DataFolderInUseException(dir), cli, null);
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("convene: The data folder").doesNotContain("\tat ");
        }
    }
}
