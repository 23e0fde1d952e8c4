package jp.refund.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.partition.*}: how a night spreads its decisions and certificates (issue 20).
 *
 * @param count   partitions of each partitioned step: fixed by this setting, whatever the number of
 *                threads or workers, so that a night cut once is resumed cut the same way. 1 (the
 *                default) runs the night as one step each, as before partitioning existed.
 * @param threads how many partitions run at once on the local partition handler; 0 = one per core
 * @param mode    where the partitions run: on this JVM's threads ({@code local}, the default) or on
 *                worker JVMs that take requests from a message broker ({@code remote}); changes no byte
 */
@ConfigurationProperties("refund.partition")
public record PartitionSettings(@DefaultValue("1") int count, @DefaultValue("0") int threads,
                                @DefaultValue("local") PartitionMode mode) {

    public PartitionSettings {
        if (count < 1) {
            throw new IllegalArgumentException("refund.partition.count must be at least 1, was " + count);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("refund.partition.threads must not be negative, was " + threads);
        }
    }

    /** Whether the night has partitioned steps at all. */
    public boolean partitioned() {
        return count > 1;
    }

    /** Partitions that run at once. */
    int concurrentPartitions() {
        return Math.min(count, threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }
}
