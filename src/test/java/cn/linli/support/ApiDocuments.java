package cn.linli.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * Loads an operation from {@code api/} (packaged for tests as {@code graphql-test/}) together with every fragment it
 * spreads, exactly as the mini-program sends it. Tests run these documents, never ad-hoc query strings, wherever an
 * {@code api/} document exists for the operation.
 */
public final class ApiDocuments {

    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z][A-Za-z0-9_]*)");

    public static String load(String name) {
        StringBuilder document = new StringBuilder(read(name));
        Set<String> fragments = new LinkedHashSet<>();
        collectFragments(document.toString(), fragments);
        for (String fragment : fragments) {
            document.append('\n').append(read(fragment));
        }
        return document.toString();
    }

    private static void collectFragments(String text, Set<String> into) {
        Matcher matcher = SPREAD.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (into.add(name)) {
                collectFragments(read(name), into);
            }
        }
    }

    private static String read(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException("no api document " + name, ex);
        }
    }

    private ApiDocuments() {
    }
}
