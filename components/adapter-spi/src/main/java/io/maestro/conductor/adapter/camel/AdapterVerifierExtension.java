package io.maestro.conductor.adapter.camel;

import io.maestro.conductor.adapter.AdapterErrorCode;
import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.instance.InstanceRef;
import java.util.Map;
import org.apache.camel.component.extension.ComponentVerifierExtension.VerificationError.StandardCode;
import org.apache.camel.component.extension.verifier.DefaultComponentVerifierExtension;
import org.apache.camel.component.extension.verifier.ResultBuilder;
import org.apache.camel.component.extension.verifier.ResultErrorBuilder;

/**
 * "Test this adapter instance": Camel's component verifier over the SPI. Parameters {@code tenant},
 * {@code environment} and {@code instance}; connectivity resolves the instance, builds (or reuses) its delegate and
 * asks the component to probe it; a refused probe (kind {@code REFUSED}) is an authentication error. Errors carry the adapter's stable code in detail {@code adapterErrorCode}.
 */
final class AdapterVerifierExtension extends DefaultComponentVerifierExtension {

    static final String TENANT = "tenant";
    static final String ENVIRONMENT = "environment";
    static final String INSTANCE = "instance";
    static final String ADAPTER_ERROR_CODE = "adapterErrorCode";

    private final AdapterComponent<?> component;

    AdapterVerifierExtension(AdapterComponent<?> component) {
        super(component.category(), null, component);
        this.component = component;
    }

    @Override
    protected Result verifyParameters(Map<String, Object> parameters) {
        ResultBuilder result = ResultBuilder.withStatusAndScope(Result.Status.OK, Scope.PARAMETERS);
        boolean complete = true;
        for (String key : new String[] {TENANT, ENVIRONMENT, INSTANCE}) {
            if (parameters.get(key) == null) {
                result.error(ResultErrorBuilder.withMissingOption(key).build());
                complete = false;
            }
        }
        if (complete) {
            try {
                ref(parameters);
            } catch (AdapterException e) {
                result.error(error(StandardCode.ILLEGAL_PARAMETER_VALUE, e));
            }
        }
        return result.build();
    }

    @Override
    protected Result verifyConnectivity(Map<String, Object> parameters) {
        ResultBuilder result = ResultBuilder.withStatusAndScope(Result.Status.OK, Scope.CONNECTIVITY);
        try {
            component.probe(ref(parameters));
        } catch (AdapterException e) {
            result.error(error(standardCode(e.code().kind()), e));
        }
        return result.build();
    }

    /** Credentials refused reads as Camel's authentication error, whatever the category calls it. */
    static StandardCode standardCode(AdapterErrorCode.Kind kind) {
        return kind == AdapterErrorCode.Kind.REFUSED ? StandardCode.AUTHENTICATION : StandardCode.EXCEPTION;
    }

    private static InstanceRef ref(Map<String, Object> parameters) {
        return new InstanceRef(
                String.valueOf(parameters.get(TENANT)),
                String.valueOf(parameters.get(ENVIRONMENT)),
                String.valueOf(parameters.get(INSTANCE)));
    }

    private static VerificationError error(StandardCode code, AdapterException e) {
        return ResultErrorBuilder.withCodeAndDescription(code, e.getMessage())
                .detail(ADAPTER_ERROR_CODE, e.code().name())
                .build();
    }
}
