package org.convene.cli;

import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.demo.DiscussionDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code convene demo discussions}: a large discussion volume on top of the demo region, for benchmarks. */
@Command(name = "discussions", mixinStandardHelpOptions = true,
        description = "Add communities, members, discussions and posts to the demo region (run 'demo' first); "
                + "sizes are skewed as on a real forum and the same seed gives the same text.")
public final class DemoDiscussionsCommand implements Runnable {
    @Option(names = "--posts", defaultValue = "1000000", description = "How many posts (default ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--threads", defaultValue = "20000", description = "How many discussions to spread them over (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--communities", defaultValue = "200",
            description = "New communities are added until there are this many (default ${DEFAULT-VALUE}): one per topic and place, then one per topic and neighbourhood for more.")
    int communities;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        try (Database db = Database.open(Config.fromEnvironment())) {
            db.migrate();
            DiscussionDemo.load(db.jdbi(), seed, communities, threads, posts).print(System.out);
        }
    }
}
