package io.maestro.conductor.notary;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.camel.Invocation;
import io.maestro.conductor.adapter.camel.Operations;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The notary's operations: each reads the body as the content and leaves it as it was, except seal. */
final class NotaryOperations {

    /** Receipts and manifests are a few KiB; a notary is not a place to send files through. */
    static final int MAX_CONTENT_BYTES = 16 * 1024 * 1024;

    private NotaryOperations() {}

    static Operations<NotaryBackend> table() {
        return new Operations<NotaryBackend>()
                .on(
                        "sign",
                        (exchange, backend, call) ->
                                signed(exchange.getMessage(), backend.sign(content(exchange, call))))
                .on(
                        "timestamp",
                        (exchange, backend, call) ->
                                timestamped(exchange.getMessage(), backend.timestamp(content(exchange, call))))
                .on("seal", (exchange, backend, call) -> {
                    Seal seal = backend.seal(content(exchange, call));
                    Message message = exchange.getMessage();
                    signed(message, new NotaryBackend.Signed(seal.keyId(), seal.signature(), seal.publicJwk()));
                    timestamped(message, new NotaryBackend.Timestamped(seal.timestampToken(), seal.timestampedAt()));
                    message.setBody(seal);
                });
    }

    private static byte[] content(Exchange exchange, Invocation call) {
        byte[] content = exchange.getMessage().getBody(byte[].class);
        if (content == null || content.length == 0) {
            throw new AdapterException(
                    NotaryErrorCode.NOTARY_REQUEST_INVALID, call.instanceId(), "the body (the content) is empty");
        }
        if (content.length > MAX_CONTENT_BYTES) {
            throw new AdapterException(
                    NotaryErrorCode.NOTARY_REQUEST_INVALID,
                    call.instanceId(),
                    "the content is larger than " + MAX_CONTENT_BYTES + " bytes; seal its digest or manifest");
        }
        return content;
    }

    private static void signed(Message message, NotaryBackend.Signed signed) {
        message.setHeader(NotaryConstants.KEY_ID, signed.keyId());
        message.setHeader(NotaryConstants.SIGNATURE, signed.jws());
    }

    private static void timestamped(Message message, NotaryBackend.Timestamped timestamped) {
        message.setHeader(NotaryConstants.TIMESTAMP_TOKEN, Base64.getEncoder().encodeToString(timestamped.token()));
        message.setHeader(NotaryConstants.TIMESTAMPED_AT, timestamped.at());
    }
}
