package dev.passerelle.server.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack trace ({@code %wEx}, and {@code %ex} and its aliases), with each exception's
 * message on one line: the frames keep their own lines, each starting with a tab, so no line of a
 * stack trace can pass for a log record. Exception messages quote input more often than anything.
 */
public class OneLineThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(OneLine.of(throwable));
    }

    /** The same exception chain, its messages made one-line. */
    private record OneLine(IThrowableProxy original) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy throwable) {
            return throwable == null ? null : new OneLine(throwable);
        }

        @Override
        public String getMessage() {
            return LogText.oneLine(original.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogText.oneLine(original.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            return suppressed == null ? null : Arrays.stream(suppressed).map(OneLine::of).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
