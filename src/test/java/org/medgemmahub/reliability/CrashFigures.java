package org.medgemmahub.reliability;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a crash run prints per kill point and in total, per channel: units sent, acknowledged before the
 * SIGKILL, resent after the restart, and of the things that must each have one Observation (messages, reports,
 * series) how many there were, how many Observations were found, how many had none (lost) or more than one
 * (duplicated).
 */
final class CrashFigures {
    record Row(String channel, int sent, int acknowledged, int resent, int expected, int observations, int lost, int duplicated) {
        Row plus(Row other) {
            return new Row(channel, sent + other.sent, acknowledged + other.acknowledged, resent + other.resent,
                    expected + other.expected, observations + other.observations, lost + other.lost,
                    duplicated + other.duplicated);
        }
    }

    private final Map<String, Row> totals = new LinkedHashMap<>();

    /** @param observationCounts Observations found per thing that must have exactly one */
    static Row row(String channel, int sent, int acknowledged, int resent, Collection<Integer> observationCounts) {
        int observations = observationCounts.stream().mapToInt(Integer::intValue).sum();
        int lost = (int) observationCounts.stream().filter(n -> n == 0).count();
        int duplicated = (int) observationCounts.stream().filter(n -> n > 1).count();
        return new Row(channel, sent, acknowledged, resent, observationCounts.size(), observations, lost, duplicated);
    }

    void record(int round, String detail, Row row) {
        totals.merge(row.channel(), row, Row::plus);
        System.out.printf("crash kill point %d %-5s sent %5d, acknowledged before SIGKILL %5d, resent after restart %5d, "
                        + "expected Observations %5d, found %5d, lost %d, duplicated %d%s%n", round, row.channel(), row.sent(),
                row.acknowledged(), row.resent(), row.expected(), row.observations(), row.lost(), row.duplicated(),
                detail.isEmpty() ? "" : " (" + detail + ")");
    }

    void printTotals(int killPoints, long seed) {
        System.out.printf("crash totals over %d kill points (seed %d):%n", killPoints, seed);
        System.out.println("| channel | sent | acknowledged before SIGKILL | resent after restart | expected Observations | found | lost | duplicated |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Row row : totals.values()) {
            System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d |%n", row.channel(), row.sent(), row.acknowledged(),
                    row.resent(), row.expected(), row.observations(), row.lost(), row.duplicated());
        }
    }
}
