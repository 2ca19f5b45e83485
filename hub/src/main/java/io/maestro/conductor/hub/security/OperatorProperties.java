package io.maestro.conductor.hub.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in operator login ({@code conductor.operator.*}).
 *
 * @param password         the operator's password ({@code CONDUCTOR_OPERATOR_PASSWORD}); blank: the one kept in
 *                         {@code <data-dir>/operator-password}
 * @param generatePassword generate that file's password on first start when none is given; the production profile
 *                         turns this off, so a deployment must give one
 */
@ConfigurationProperties(prefix = "conductor.operator", ignoreUnknownFields = false)
public record OperatorProperties(
        String password, @DefaultValue("true") boolean generatePassword) {

    /** Never the password: this record may end up in a log line or a failure analysis. */
    @Override
    public String toString() {
        return "OperatorProperties[password=" + (password == null || password.isEmpty() ? "none" : "***")
                + ", generatePassword=" + generatePassword + "]";
    }
}
