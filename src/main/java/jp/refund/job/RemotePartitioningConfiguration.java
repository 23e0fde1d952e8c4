package jp.refund.job;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.jms.dsl.Jms;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remote partitioning (issue 20) on Spring Batch Integration over JMS to ActiveMQ Artemis.
 * <ul>
 *   <li>The manager ({@code nightly} with {@code refund.partition.mode=remote}): each partitioned
 *       step sends one request per partition to the queue and polls the job repository (no reply
 *       queue) until every partition has ended, or fails after the timeout.</li>
 *   <li>The worker ({@code worker} command): takes one request at a time from the queue and runs
 *       that partition's worker step ({@link PartitionRequestHandler}).</li>
 * </ul>
 * Both share the database server (the job repository and the book) and the output folder.
 */
class RemotePartitioningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitioningConfiguration.class);

    private RemotePartitioningConfiguration() {
    }

    /** The manager's side: {@code refund.partition.mode=remote}. */
    @Configuration
    @EnableIntegration
    @ConditionalOnProperty(name = "refund.partition.mode", havingValue = "remote")
    static class Manager {

        @Bean
        DirectChannel partitionRequests() {
            return new DirectChannel();
        }

        @Bean
        IntegrationFlow partitionRequestsToBroker(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
                                                  RemotePartitionSettings remote) {
            return IntegrationFlow.from(partitionRequests)
                    .transform(StepExecutionRequest.class, PartitionRequestMessages::toMap)
                    // the rehearsal of a redelivery: each request twice, one after the other
                    .split(Map.class, request -> remote.sendTwice() ? List.of(request, request) : List.of(request))
                    .handle(Jms.outboundAdapter(connectionFactory).destination(remote.queue()))
                    .get();
        }

        @Bean
        RemotePartitionManager remotePartitionManager(JobRepository jobRepository, DirectChannel partitionRequests,
                                                      RemotePartitionSettings remote, PartitionSettings partitions,
                                                      DataSource dataSource) {
            SharedDatabase.require(dataSource, "refund.partition.mode=remote");
            return new RemotePartitionManager(new RemotePartitioningManagerStepBuilderFactory(jobRepository),
                    partitionRequests, remote, partitions);
        }

        /** The one-host rehearsal's broker, in the manager's JVM, at the broker URL's host and port. */
        @Bean(initMethod = "start", destroyMethod = "stop")
        @ConditionalOnProperty(name = "refund.partition.remote.embedded-broker", havingValue = "true")
        EmbeddedActiveMQ partitionBroker(@Value("${spring.artemis.broker-url}") String brokerUrl) throws Exception {
            URI url = URI.create(brokerUrl);
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
            broker.setConfiguration(new ConfigurationImpl()
                    .addAcceptorConfiguration("partitions", "tcp://" + url.getHost() + ":" + url.getPort())
                    // a rehearsal: a killed manager's night is restarted, which sends its requests again
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false));
            return broker;
        }
    }

    /** The worker's side: set by the {@code worker} command. */
    @Configuration
    @EnableIntegration
    @ConditionalOnProperty(name = "refund.partition.worker", havingValue = "true")
    static class Worker {

        @Bean
        PartitionRequestHandler partitionRequestHandler(JobRepository jobRepository, DataSource dataSource,
                                                        List<Step> steps) {
            SharedDatabase.require(dataSource, "a worker");
            return new PartitionRequestHandler(jobRepository, new JdbcTemplate(dataSource), steps);
        }

        @Bean
        IntegrationFlow partitionRequestsFromBroker(RemotePartitionSettings remote, PartitionRequestHandler handler,
                                                    @Value("${spring.artemis.broker-url}") String brokerUrl,
                                                    @Value("${spring.artemis.user:#{null}}") String user,
                                                    @Value("${spring.artemis.password:#{null}}") String password) {
            ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(brokerUrl, user, password);
            // no prefetch: a request waits on the broker for a free worker, not in a busy worker's buffer
            connectionFactory.setConsumerWindowSize(0);
            log.info("worker: taking partition requests from queue {} at {}", remote.queue(), brokerUrl);
            return IntegrationFlow.from(Jms.messageDrivenChannelAdapter(connectionFactory)
                            .destination(remote.queue())
                            // acknowledged after the partition ran: a worker that dies mid-partition
                            // leaves its request to be redelivered (and ignored: the partition is STARTED)
                            .configureListenerContainer(container -> container
                                    .sessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE)
                                    .concurrentConsumers(1)
                                    .maxConcurrentConsumers(1)))
                    .transform(Map.class, PartitionRequestMessages::fromMap)
                    .handle(StepExecutionRequest.class, (request, headers) -> {
                        handler.handle(request);
                        return null;
                    })
                    .get();
        }
    }

    /** Builds a partitioned manager step that sends its partitions to the workers. */
    static final class RemotePartitionManager {

        private final RemotePartitioningManagerStepBuilderFactory steps;
        private final DirectChannel partitionRequests;
        private final RemotePartitionSettings remote;
        private final PartitionSettings partitions;

        RemotePartitionManager(RemotePartitioningManagerStepBuilderFactory steps, DirectChannel partitionRequests,
                               RemotePartitionSettings remote, PartitionSettings partitions) {
            this.steps = steps;
            this.partitionRequests = partitionRequests;
            this.remote = remote;
            this.partitions = partitions;
        }

        Step managerStep(String name, String workerStep, Partitioner ranges, StepReport stepReport) {
            return steps.get(name)
                    .partitioner(workerStep, ranges)
                    .gridSize(partitions.count())
                    .outputChannel(partitionRequests)
                    .pollInterval(remote.pollInterval().toMillis())
                    .timeout(remote.timeout().toMillis())
                    .listener(stepReport)
                    .build();
        }
    }
}
