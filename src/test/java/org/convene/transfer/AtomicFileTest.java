package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aCompleteWriteReplacesTheFile() throws IOException {
        Path target = dir.resolve("people.csv");
        Files.writeString(target, "old");
        int result = AtomicFile.write(target, out -> {
            out.write("new".getBytes(StandardCharsets.UTF_8));
            return 42;
        });
        assertThat(result).isEqualTo(42);
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aFailureHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("people.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("database went away");
        })).hasMessage("database went away");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(files()).containsExactly(target);

        Path fresh = dir.resolve("ties.csv");
        assertThatThrownBy(() -> AtomicFile.write(fresh, out -> {
            throw new IOException("failed");
        })).isInstanceOf(IOException.class);
        assertThat(fresh).doesNotExist();
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aPrivateFileIsReadableByItsOwnerOnlyWhateverItReplaces() throws IOException {
        Path target = dir.resolve("backup.zip");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.writePrivate(target, out -> {
            out.write("personal data".getBytes(StandardCharsets.UTF_8));
            return null;
        });
        assertThat(Files.readString(target)).isEqualTo("personal data");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(files()).containsExactly(target);
    }

    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
