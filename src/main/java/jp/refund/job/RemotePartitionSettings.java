package jp.refund.job;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code refund.partition.remote.*}: remote partitioning over JMS (issue 20). The broker itself
 * is Spring Boot's {@code spring.artemis.broker-url}, {@code spring.artemis.user} and
 * {@code spring.artemis.password}.
 *
 * @param queue          the queue of partition requests, shared by the manager and its workers
 * @param pollInterval   how often the manager reads the job repository for its partitions' states
 * @param timeout        how long the manager waits for every partition before the step fails (a
 *                       worker killed mid-partition leaves its partition running for ever)
 * @param embeddedBroker the manager starts an Artemis broker itself, listening at
 *                       {@code spring.artemis.broker-url} (a one-host rehearsal; no persistence)
 * @param sendTwice      rehearsal of a redelivery: the manager sends every request twice
 */
@ConfigurationProperties("refund.partition.remote")
public record RemotePartitionSettings(@DefaultValue("refund.partition-requests") String queue,
                                      @DefaultValue("5s") Duration pollInterval,
                                      @DefaultValue("4h") Duration timeout,
                                      @DefaultValue("false") boolean embeddedBroker,
                                      @DefaultValue("false") boolean sendTwice) {

    public RemotePartitionSettings {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("refund.partition.remote.poll-interval must be positive, was " + pollInterval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("refund.partition.remote.timeout must be positive, was " + timeout);
        }
    }
}
