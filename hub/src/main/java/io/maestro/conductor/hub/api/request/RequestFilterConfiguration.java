package io.maestro.conductor.hub.api.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The checks every request passes before anything reads it, right after the correlation filter (so a refusal
 * carries the correlation id): its content type, then its body's bound.
 */
@Configuration(proxyBeanMethods = false)
public class RequestFilterConfiguration {

    @Bean
    FilterRegistrationBean<RequestContentTypeFilter> requestContentTypeFilter(ObjectMapper json) {
        FilterRegistrationBean<RequestContentTypeFilter> registration =
                new FilterRegistrationBean<>(new RequestContentTypeFilter(new ProblemWriter(json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            RequestBodyLimits limits, ObjectMapper json, MeterRegistry meters) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, new ProblemWriter(json), meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
