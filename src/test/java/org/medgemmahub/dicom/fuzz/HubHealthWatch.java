package org.medgemmahub.dicom.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Watches the hub in this JVM while a fuzzer runs: errors thrown out of any thread (an association thread killed by an
 * OutOfMemoryError, say), ERROR log lines, and OutOfMemoryErrors anywhere in the log.
 */
final class HubHealthWatch implements AutoCloseable {
    private final List<String> uncaught = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();

    HubHealthWatch() {
        log.start();
        root.addAppender(log);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(thread.getName() + ": " + error));
    }

    /** What went wrong: uncaught throwables, OutOfMemoryErrors logged, ERROR lines (bad input is a WARN, never an ERROR). */
    List<String> problems() {
        List<String> found = new java.util.ArrayList<>(uncaught);
        for (ILoggingEvent event : List.copyOf(log.list)) {
            boolean outOfMemory = event.getFormattedMessage().contains("OutOfMemoryError") || mentionsOutOfMemory(event.getThrowableProxy());
            if (outOfMemory || event.getLevel().isGreaterOrEqual(Level.ERROR)) found.add(event.getLoggerName() + " " + event.getLevel() + ": " + event.getFormattedMessage());
        }
        return found;
    }

    /** Heap in use after a full collection was requested, in bytes. */
    static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Live threads whose name starts with {@code prefix}. */
    static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }

    private static boolean mentionsOutOfMemory(IThrowableProxy proxy) {
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            if (p.getClassName().contains("OutOfMemoryError")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        root.detachAppender(log);
        log.stop();
        log.list.clear();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }
}
