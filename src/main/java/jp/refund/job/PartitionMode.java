package jp.refund.job;

/** {@code refund.partition.mode}: where the partitions of a partitioned step run (issue 20). */
public enum PartitionMode {
    /** On the night's own JVM, a thread each (Spring Batch's local partition handler). */
    LOCAL,
    /**
     * On worker JVMs ({@code worker} command): the manager step sends one request per partition
     * over JMS to ActiveMQ Artemis and polls the job repository until every partition has ended.
     */
    REMOTE
}
