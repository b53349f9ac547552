package org.convene.cli;

import org.convene.app.Config;
import org.convene.db.Database;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply pending database migrations, then exit.")
public final class MigrateCommand implements Runnable {
    @Override
    public void run() {
        try (Database db = Database.open(Config.fromEnvironment())) {
            db.migrate();
            System.out.println("Database is up to date.");
        }
    }
}
