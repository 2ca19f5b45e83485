package io.maestro.conductor.hub.governance;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders lifecycle denials as RFC 9457 problems; ahead of the hub's catch-all handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GovernanceProblems {

    @ExceptionHandler(LifecycleDeniedException.class)
    ProblemDetail lifecycleDenied(LifecycleDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Lifecycle denied");
        problem.setProperty("code", e.code());
        problem.setProperty("reasons", e.reasons());
        problem.setProperty("decisionId", e.decisionId());
        return problem;
    }
}
