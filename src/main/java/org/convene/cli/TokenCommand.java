package org.convene.cli;

import org.convene.db.ChangeFeed;
import org.convene.accounts.Account;
import org.convene.accounts.Accounts;
import org.convene.accounts.ApiTokens;
import org.convene.app.Config;
import org.convene.audit.Actor;
import org.convene.db.Database;
import org.convene.errors.NotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage personal access tokens for the JSON API.",
        subcommands = TokenCommand.Create.class)
public final class TokenCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token for an account and print it (it is shown only once).")
    static final class Create implements Runnable {
        @Option(names = "--email", required = true, description = "The account's email address.")
        String email;

        @Option(names = "--name", defaultValue = "command line", description = "A name to recognise the token by.")
        String name;

        @Option(names = "--days", description = "Expire after this many days (default: never).")
        Integer days;

        @Override
        public void run() {
            if (days != null && (days < 1 || days > 3650)) {
                throw new IllegalArgumentException("--days must be between 1 and 3650");
            }
            try (Database db = Database.open(Config.fromEnvironment())) {
                db.migrate();
                Account account = new Accounts(db.jdbi()).byEmail(email)
                        .orElseThrow(() -> new NotFoundException("No account with the email " + email));
                if (!account.active()) {
                    throw new IllegalArgumentException("The account " + email + " is " + account.status());
                }
                System.out.println(new ApiTokens(db.jdbi(), ChangeFeed.polling(db.jdbi())).create(Actor.COMMAND_LINE, account.id(), name, days).token());
            }
        }
    }
}
