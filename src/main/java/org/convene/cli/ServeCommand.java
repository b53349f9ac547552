package org.convene.cli;

import java.util.concurrent.CountDownLatch;
import org.convene.app.App;
import org.convene.app.Config;
import org.convene.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web app (the default). Applies migrations first.")
public final class ServeCommand implements Runnable {

    @Option(names = "--demo", description = "Fill an empty database with the demo region first (${DEFAULT-VALUE} people by default).")
    boolean demo;

    @Option(names = "--people", defaultValue = "2000", description = "People in the demo region, with --demo.")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed for the demo region, with --demo.")
    long seed;

    @Override
    public void run() {
        Config config = Config.fromEnvironment();
        App app = App.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "convene-shutdown"));
        if (demo) {
            DemoData.Result result = DemoData.fillIfEmpty(app.database().jdbi(), seed, people);
            if (result != null) {
                result.print(System.out, config.baseUrl());
            } else {
                System.out.println("The database already has people; demo data was not added. Demo accounts, if any, "
                        + "keep the passwords printed when they were made.");
            }
        }
        System.out.println("Convene is running at " + config.baseUrl() + "  (Ctrl+C to stop)");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
