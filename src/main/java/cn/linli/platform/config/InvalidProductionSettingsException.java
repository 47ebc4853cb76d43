package cn.linli.platform.config;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Every problem of the production settings, found before the server connected to anything. */
class InvalidProductionSettingsException extends IllegalStateException {

    private final List<String> problems;

    InvalidProductionSettingsException(List<String> problems) {
        super("Refusing to start the prod profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    /** Prints the list instead of a stack trace. */
    static class Analyzer extends AbstractFailureAnalyzer<InvalidProductionSettingsException> {

        @Override
        protected FailureAnalysis analyze(Throwable root, InvalidProductionSettingsException cause) {
            return new FailureAnalysis("Refusing to start the prod profile; " + cause.problems().size()
                    + " setting(s) to fix:\n  - " + String.join("\n  - ", cause.problems()),
                    "Set the environment variables above (see README.md, Configuration for production) and start again.",
                    cause);
        }
    }
}
