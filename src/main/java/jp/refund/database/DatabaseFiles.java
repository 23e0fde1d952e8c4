package jp.refund.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded database's files are the owner's alone (0600), inside a 0700 folder: H2
 * creates them with the process's umask, so once the database is open they are narrowed.
 */
@Component
class DatabaseFiles {

    private final Environment environment;

    DatabaseFiles(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ownerOnly() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:file:")) {
            return;
        }
        String path = url.substring("jdbc:h2:file:".length());
        int semicolon = path.indexOf(';');
        ownerOnly(Path.of(semicolon < 0 ? path : path.substring(0, semicolon)).toAbsolutePath().normalize());
    }

    static void ownerOnly(Path databaseFile) {
        String name = databaseFile.getFileName().toString();
        try (Stream<Path> files = Files.list(databaseFile.getParent())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                try {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a temporary file H2 removed meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
