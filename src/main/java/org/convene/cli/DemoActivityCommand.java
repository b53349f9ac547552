package org.convene.cli;

import org.convene.app.Config;
import org.convene.db.Database;
import org.convene.demo.ActivityDemo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code convene demo activity}: three years of programme, event, matching, cluster and project
 * activity on top of the demo region, for benchmarking what is measured over time.
 */
@Command(name = "activity", mixinStandardHelpOptions = true,
        description = "Add three years of activity to the demo region (run 'demo' first): programmes, cohorts and their surveys, "
                + "learning sets, events, matching rounds, leader clusters, projects and community growth, with the ties they make. "
                + "Sizes suit a region of 1,000,000 people; --scale shrinks or grows them all. Added once, all or nothing.")
public final class DemoActivityCommand implements Runnable {
    @Option(names = "--scale", defaultValue = "1.0",
            description = "Multiplies every size below (default ${DEFAULT-VALUE}: 40 programmes, 400 cohorts, 20,000 events, "
                    + "50,000 match members, 300 leader clusters, 5,000 projects, 20,000 new community members).")
    double scale;

    @Option(names = "--programmes", description = "How many programmes (default 40 x scale).")
    Integer programmes;

    @Option(names = "--cohorts", description = "How many cohorts of 20 to 40 people (default 400 x scale).")
    Integer cohorts;

    @Option(names = "--events", description = "How many events (default 20,000 x scale).")
    Integer events;

    @Option(names = "--match-members", description = "How many places in matched pairs and trios over all rounds (default 50,000 x scale).")
    Integer matchMembers;

    @Option(names = "--clusters", description = "How many leader clusters (default 300 x scale).")
    Integer clusters;

    @Option(names = "--projects", description = "How many projects (default 5,000 x scale).")
    Integer projects;

    @Option(names = "--modules",
            description = "How many modules every cohort has, the closing celebration included, from 4 to 11; each other module "
                    + "has a feedback survey, so more modules give more survey responses (default: 4 to 6 at random).")
    Integer modules;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public void run() {
        ActivityDemo.Sizes sizes = ActivityDemo.Sizes.scaled(scale).with(programmes, cohorts, events, matchMembers, clusters, projects)
                .withModules(modules);
        try (Database db = Database.open(Config.fromEnvironment())) {
            db.migrate();
            ActivityDemo.load(db.jdbi(), seed, sizes).print(System.out);
        }
    }
}
