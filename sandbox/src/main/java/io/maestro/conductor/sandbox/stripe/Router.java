package io.maestro.conductor.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps {@code METHOD /v1/path/{id}} to a handler; an unknown URL is Stripe's "Unrecognized request URL". */
final class Router {

    @FunctionalInterface
    interface Handler {
        ObjectNode handle(StripeRequest request);
    }

    record Match(Handler handler, Map<String, String> pathVariables) {}

    private record Route(String method, Pattern pattern, List<String> names, Handler handler) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher variables = VARIABLE.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (variables.find()) {
            regex.append(Pattern.quote(template.substring(last, variables.start())))
                    .append("([^/]+)");
            names.add(variables.group(1));
            last = variables.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    Match match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (route.method.equals(method) && matcher.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < route.names.size(); i++) {
                    variables.put(route.names.get(i), matcher.group(i + 1));
                }
                return new Match(route.handler, variables);
            }
        }
        throw new StripeApiException(
                404,
                "invalid_request_error",
                null,
                "Unrecognized request URL (" + method + ": " + path
                        + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                null);
    }
}
