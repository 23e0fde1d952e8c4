package jp.refund.job;

import java.util.Map;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The wire form of Spring Batch's {@link StepExecutionRequest} on the broker: a JMS map message
 * of the worker step's name and the partition's step execution id. A map, not a serialized
 * object: nothing is deserialized from the broker, and an operator can read a request in the
 * broker's console.
 */
final class PartitionRequestMessages {

    static final String STEP_NAME = "stepName";
    static final String STEP_EXECUTION_ID = "stepExecutionId";

    private PartitionRequestMessages() {
    }

    static Map<String, Object> toMap(StepExecutionRequest request) {
        return Map.of(STEP_NAME, request.getStepName(), STEP_EXECUTION_ID, request.getStepExecutionId());
    }

    static StepExecutionRequest fromMap(Map<?, ?> message) {
        Object stepName = message.get(STEP_NAME);
        Object stepExecutionId = message.get(STEP_EXECUTION_ID);
        if (!(stepName instanceof String name) || !(stepExecutionId instanceof Number id)) {
            throw new IllegalArgumentException("not a partition request: " + message);
        }
        return new StepExecutionRequest(name, id.longValue());
    }
}
