package org.convene.cli;

import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = {DemoDiscussionsCommand.class, DemoActivityCommand.class},
        description = "Generate a realistic synthetic region (people, organisations, places, ties, demo accounts).")
public final class DemoCommand implements Runnable {
    @Option(names = "--people", defaultValue = "2000", description = "How many people, from 100 to 1,000,000 (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed and size give the same region (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ties-per-person", defaultValue = "2.5",
            description = "Self-reported ties each person starts, on average, from 0.5 to 10 "
                    + "(default ${DEFAULT-VALUE}; a pair drawn twice is one tie, so a few fewer are stored).")
    double tiesPerPerson;

    @Option(names = "--replace", description = "Delete the current directory, its ties and the demo accounts first.")
    boolean replace;

    @Override
    public void run() {
        Config config = Config.fromEnvironment();
        try (Database db = Database.open(config)) {
            db.migrate();
            DemoData.Result result = DemoData.load(db.jdbi(), seed, people, tiesPerPerson, replace);
            if (result == null) {
                throw new IllegalArgumentException("The directory already has people. Use --replace to start again with the demo region.");
            }
            result.print(System.out, config.baseUrl());
        }
    }
}
