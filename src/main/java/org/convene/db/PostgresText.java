package org.convene.db;

import java.sql.Types;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Text bound to a statement loses any NUL character (U+0000), which PostgreSQL text cannot hold:
 * the server refuses the whole statement ("invalid byte sequence for encoding UTF8: 0x00"), so a NUL
 * typed into any search box, lookup or form turned into a 500. Stored text is already cleaned of
 * control characters by {@link org.convene.web.Text}; this catches every path that looks something
 * up or stores it without doing so, now and in future. Applies to single values and text arrays.
 */
public final class PostgresText extends AbstractArgumentFactory<String> {

    private PostgresText() {
        super(Types.VARCHAR);
    }

    /** Installs the binding on this Jdbi. */
    public static Jdbi install(Jdbi jdbi) {
        return jdbi.registerArgument(new PostgresText()).registerArrayType(String.class, "varchar", PostgresText::withoutNul);
    }

    static String withoutNul(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String clean = withoutNul(value);
        return (position, statement, ctx) -> statement.setString(position, clean);
    }
}
