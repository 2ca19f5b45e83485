package io.maestro.conductor.hub.console;

import io.hawt.springboot.HawtioPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Announces the Switchboard plugin to the Hawtio console ({@code GET /actuator/hawtio/plugin} lists every
 * {@link HawtioPlugin} bean). The console loads {@code <url>/remoteEntry.js} and calls {@code plugin()} of module
 * {@code ./plugin} in container {@code switchboard}; the files are the conductor-switchboard jar's
 * {@code static/switchboard/}. An empty url would mean the site root, so the url carries the context path.
 */
@Configuration(proxyBeanMethods = false)
public class SwitchboardConfiguration {

    @Bean
    HawtioPlugin switchboardPlugin(@Value("${server.servlet.context-path:}") String contextPath) {
        return new HawtioPlugin("switchboard", "./plugin", contextPath + "/switchboard");
    }
}
