package cn.linli.support;

import java.util.HashMap;
import java.util.Map;

import cn.linli.LinliApplication;
import cn.linli.devservices.DevServices;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Another app instance in the test JVM, against the same PostgreSQL and Redis: for multi-instance tests and for
 * starting the server under other settings. It gets Reactor Netty resources of its own; with the shared global ones,
 * closing it would shut the event loops of every other server and client in the JVM.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts an instance with the dev profile (timers off unless {@code overrides} say otherwise). The overrides are
     * given as command-line arguments, so they win over the profile's files too (plain settings are only defaults).
     */
    public static SecondInstance start(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(DevServices.start());
        settings.put("server.port", "0");
        settings.put("linli.timers.enabled", "false");
        settings.putAll(overrides);
        String[] arguments = overrides.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new);
        return new SecondInstance(new SpringApplicationBuilder(LinliApplication.class, OwnNettyResources.class)
                .profiles("dev")
                .properties(settings)
                .run(arguments));
    }

    /** Starts an instance with exactly these settings and profile. */
    public static SecondInstance start(String profile, Map<String, Object> settings) {
        return new SecondInstance(new SpringApplicationBuilder(LinliApplication.class, OwnNettyResources.class)
                .profiles(profile)
                .properties(settings)
                .run());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnNettyResources {

        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }
}
