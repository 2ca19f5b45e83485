package io.maestro.conductor.hub.bundles;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * One installed adapter version's classes: its own jar first, and of the hub only what an adapter is built against
 * (the JDK, Camel, the adapter SPI, Jackson, SLF4J, Micrometer). The hub's registry, secrets vault, Spring beans and
 * every other adapter's classes are out of its reach, and two versions of one adapter never see each other.
 */
final class AdapterClassLoader extends URLClassLoader {

    static final List<String> SHARED_PACKAGES = List.of(
            "org.apache.camel.",
            "io.maestro.conductor.adapter.",
            "com.fasterxml.jackson.",
            "org.slf4j.",
            "io.micrometer.");

    AdapterClassLoader(String name, Path jar, ClassLoader hub) throws MalformedURLException {
        super(name, new URL[] {jar.toUri().toURL()}, new SharedOnly(hub));
    }

    /** The JDK (platform loader) and, from the hub, only {@link #SHARED_PACKAGES}. */
    private static final class SharedOnly extends ClassLoader {

        private final ClassLoader hub;

        SharedOnly(ClassLoader hub) {
            super("adapter-shared", ClassLoader.getPlatformClassLoader());
            this.hub = hub;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (String shared : SHARED_PACKAGES) {
                if (name.startsWith(shared)) {
                    return hub.loadClass(name);
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            String asClass = name.replace('/', '.');
            return SHARED_PACKAGES.stream().anyMatch(asClass::startsWith) ? hub.getResource(name) : null;
        }

        @Override
        protected java.util.Enumeration<URL> findResources(String name) throws IOException {
            String asClass = name.replace('/', '.');
            return SHARED_PACKAGES.stream().anyMatch(asClass::startsWith)
                    ? hub.getResources(name)
                    : java.util.Collections.emptyEnumeration();
        }
    }
}
