package cn.linli.platform.error;

import jakarta.validation.ConstraintViolation;

/** Opens the error advice's field naming to tests in other packages. */
public final class GraphQlErrorsProbe {

    public static String field(ConstraintViolation<?> violation) {
        return GraphQlErrors.field(violation);
    }

    private GraphQlErrorsProbe() {
    }
}
