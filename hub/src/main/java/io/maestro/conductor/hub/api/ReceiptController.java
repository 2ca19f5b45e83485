package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.security.TenantAccess;
import io.maestro.conductor.registry.Registry;
import io.maestro.conductor.registry.receipt.ChainVerification;
import io.maestro.conductor.registry.receipt.Receipt;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's provenance receipts, read straight from SQL, and the check of their hash chain. */
@RestController
@RequestMapping("/api/tenants/{tenant}/receipts")
public class ReceiptController {

    private final Registry registry;
    private final TenantAccess access;

    public ReceiptController(Registry registry, TenantAccess access) {
        this.registry = registry;
        this.access = access;
    }

    /**
     * Receipts after {@code afterSeq}: {@code order=oldest} (the default) oldest first, page on with the last
     * {@code seq} seen; {@code order=newest} the latest {@code limit}, newest first (what a console shows).
     */
    @GetMapping
    public List<Receipt> receipts(
            Authentication caller,
            @PathVariable String tenant,
            @RequestParam(defaultValue = "0") long afterSeq,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "oldest") String order) {
        access.requireKnown(caller, tenant);
        PageLimit.checked(limit);
        return switch (order) {
            case "oldest" -> registry.receipts().list(tenant, afterSeq, limit);
            case "newest" -> registry.receipts().listNewest(tenant, afterSeq, limit);
            default ->
                throw new ApiRequestException(
                        HttpStatus.BAD_REQUEST, "ORDER_INVALID", "order must be oldest or newest");
        };
    }

    @GetMapping("/verify")
    public ChainVerification verify(Authentication caller, @PathVariable String tenant) {
        access.requireKnown(caller, tenant);
        return registry.receipts().verify(tenant);
    }
}
