package cn.linli.platform.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** {@code Date}: a calendar day in China ({@code 2026-11-22}), e.g. the first and last day of a contract. */
final class DateScalar {

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Date")
            .description("A calendar day, ISO-8601, e.g. 2026-11-22 (Asia/Shanghai)")
            .coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof LocalDate date) {
                        return date.toString();
                    }
                    throw new CoercingSerializeException("Not a Date: " + value.getClass().getName());
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return LocalDate.parse(String.valueOf(input));
                    } catch (DateTimeParseException ex) {
                        throw new CoercingParseValueException("Date must be YYYY-MM-DD");
                    }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                              Locale locale) {
                    if (input instanceof StringValue text) {
                        try {
                            return LocalDate.parse(text.getValue());
                        } catch (DateTimeParseException ex) {
                            throw new CoercingParseLiteralException("Date must be YYYY-MM-DD");
                        }
                    }
                    throw new CoercingParseLiteralException("Date must be YYYY-MM-DD");
                }
            })
            .build();

    private DateScalar() {
    }
}
