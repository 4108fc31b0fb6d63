package org.registrar.mentors;

import java.util.Objects;
import java.util.UUID;

/**
 * Batch ids for assignment writes: a new id per change, but the same id again when the user retries exactly the
 * change that failed, so a save whose acknowledgement was lost applies once. FX thread only.
 */
final class BatchIds {
    private Object failedRequest;
    private UUID failedBatch;

    /** The id to use for {@code request} (any value with equals: what is written, to whom). */
    UUID forRequest(Object request) {
        if (failedBatch != null && Objects.equals(failedRequest, request)) {
            return failedBatch;
        }
        failedRequest = null;
        failedBatch = null;
        return UUID.randomUUID();
    }

    void failed(Object request, UUID batch) {
        failedRequest = request;
        failedBatch = batch;
    }

    void succeeded() {
        failedRequest = null;
        failedBatch = null;
    }
}
