package org.convene;

import org.convene.cli.ConveneCommand;
import picocli.CommandLine;

/** Entry point of the one runnable jar: {@code java -jar convene.jar [command]}; no command means serve. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exit = ConveneCommand.commandLine().execute(args.length == 0 ? new String[] {"serve"} : args);
        if (exit != 0 || (args.length > 0 && !"serve".equals(args[0]))) {
            System.exit(exit);
        }
    }
}
