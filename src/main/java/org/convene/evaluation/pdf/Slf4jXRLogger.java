package org.convene.evaluation.pdf;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log (java.util.logging by default, straight to the console) to SLF4J, one
 * logger per openhtmltopdf category ({@code com.openhtmltopdf.load}, {@code .render}, ...), so the
 * application's logging configuration applies. Its warnings about unsupported CSS are logged at debug
 * level: they concern the page, not the server, and {@link PdfRenderer.Options#diagnostics()} gives
 * them to the caller.
 */
final class Slf4jXRLogger implements XRLogger {
    private Slf4jXRLogger() {
    }

    static synchronized void install() {
        if (!(XRLog.getLoggerImpl() instanceof Slf4jXRLogger)) {
            XRLog.setLoggerImpl(new Slf4jXRLogger());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger logger = LoggerFactory.getLogger(where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            logger.error(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            logger.debug(msg, th);
        } else {
            logger.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Levels are set in the logging configuration.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        // Warnings are always built, so that a diagnostic consumer receives them; the many fine-grained
        // messages cost time to format, so only when their logger would print them.
        int l = diagnostic.getLevel().intValue();
        if (l >= Level.WARNING.intValue()) {
            return true;
        }
        Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
        return l >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
    }
}
