package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import coop.intercoop.hub.accounting.entity.ReportLevel;

/**
 * The mapping of refusals to problems: the hub's refusals, query parameters that do not convert (the runtime's
 * {@code ParamException}, which needs a running hub, is covered by the integration tests), and what a resource declares
 * with Bean Validation (its required body, parameters and body dates), validated here as the runtime validates a
 * resource method's parameters.
 */
class ProblemsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static ValidatorFactory validation;

    /** A resource that declares what it requires, as the hub's resources do. */
    public static class Resource {
        public static class Body {
            @NotNull
            public LocalDate date;
            @NotBlank
            public String name;
        }

        @GET
        public String report(@PathParam("id") long id, @QueryParam("from") @NotNull LocalDate from,
                @QueryParam("account") @NotNull String account) {
            return "";
        }

        @POST
        public String post(@PathParam("id") long id, @NotNull @Valid Body body) {
            return "";
        }
    }

    /** As the CDI container's subclass of a resource: the method overridden without its annotations. */
    public static class Proxy extends Resource {
        @Override
        public String report(long id, LocalDate from, String account) {
            return super.report(id, from, account);
        }
    }

    @BeforeAll
    static void buildValidation() {
        validation = Validation.byProvider(HibernateValidator.class).configure().defaultLocale(Locale.ENGLISH)
                .buildValidatorFactory();
    }

    @AfterAll
    static void closeValidation() {
        validation.close();
    }

    private static Problem problemOfCall(Resource resource, String name, Locale language, Object... arguments) {
        Method method = List.of(Resource.class.getMethods()).stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
        var violations = validation.getValidator().forExecutables().validateParameters(resource, method, arguments);
        return Problems.problemFor(new ConstraintViolationException(violations), language);
    }

    @Test
    void aMissingBodyIsTheApisOwnRefusalInTheCallersLanguage() {
        Problem english = problemOfCall(new Resource(), "post", Locale.ENGLISH, 1L, null);
        assertEquals(400, english.status());
        assertEquals("Invalid request", english.title());
        assertEquals("This request needs a JSON body.", english.detail());
        assertNull(english.field());
        assertEquals("Esta petición necesita un cuerpo JSON.",
                problemOfCall(new Resource(), "post", SPANISH, 1L, null).detail());
    }

    @Test
    void aMissingDateParameterIsNamedByItsQueryParameterEvenThroughAProxy() {
        for (Resource resource : List.of(new Resource(), new Proxy())) {
            Problem problem = problemOfCall(resource, "report", Locale.ENGLISH, 1L, null, "572");
            assertEquals("from", problem.field());
            assertEquals("The date 'from' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31.", problem.detail());
            assertEquals("Falta la fecha 'from'; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                    problemOfCall(resource, "report", SPANISH, 1L, null, "572").detail());
        }
    }

    @Test
    void everyMissingParameterIsNamedWhenSeveralAre() {
        Problem problem = problemOfCall(new Resource(), "report", SPANISH, 1L, null, null);
        assertEquals("account", problem.field());
        assertEquals(
                List.of(new Problem.FieldError("account", "Falta el parámetro 'account'."),
                        new Problem.FieldError("from",
                                "Falta la fecha 'from'; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.")),
                problem.errors());
        assertEquals("Falta el parámetro 'account'. Falta la fecha 'from'; escríbala como AAAA-MM-DD, por ejemplo "
                + "2025-03-31.", problem.detail());
    }

    @Test
    void aMissingDateOfTheBodyIsNamedByItsPropertyAndOtherViolationsKeepTheirMessage() {
        Resource.Body body = new Resource.Body();
        Problem problem = problemOfCall(new Resource(), "post", Locale.ENGLISH, 1L, body);
        assertEquals("date", problem.field());
        assertEquals(
                new Problem.FieldError("date", "The date 'date' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31."),
                problem.errors().get(0));
        assertEquals("name", problem.errors().get(1).field());
        assertEquals("The date 'date' is missing; write it as YYYY-MM-DD, e.g. 2025-03-31. name: "
                + problem.errors().get(1).message(), problem.detail());
    }

    @Test
    void aQueryParameterAConverterRefusesIsNamedWithTheConvertersSentence() {
        InvalidParameterException notADate = assertThrows(InvalidParameterException.class,
                () -> DateParameters.date("2025-02-30", null));
        Problem problem = Problems.unconverted("to", notADate, SPANISH);
        assertEquals(400, problem.status());
        assertEquals("Petición no válida", problem.title());
        assertEquals("to", problem.field());
        assertEquals("'2025-02-30' no es una fecha; escríbala como AAAA-MM-DD, por ejemplo 2025-03-31.",
                problem.detail());
    }

    @Test
    void anEnumerationsRefusalNamesTheValuesItTakesAndTheParameterIsTheField() {
        RuntimeException unknown = assertThrows(RuntimeException.class, () -> ReportLevel.fromString("9"));
        Problem english = Problems.unconverted("level", unknown, Locale.ENGLISH);
        assertEquals("level", english.field());
        assertEquals("The level '9' is unknown; use group, 3, posting.", english.detail());
        assertEquals("El nivel '9' no existe; use group, 3, posting.",
                Problems.unconverted("level", unknown, SPANISH).detail());
    }

    @Test
    void aQueryParameterTheRuntimeCannotConvertIsNamed() {
        Problem problem = Problems.unconverted("max", new NumberFormatException("For input string"), Locale.ENGLISH);
        assertEquals("max", problem.field());
        assertEquals("The parameter 'max' has a value of the wrong type or format.", problem.detail());
    }

    @Test
    void aStrictJsonRefusalIsRenderedInTheCallersLanguage() {
        Problem problem = Problems.problemFor(new InvalidJsonException("readOnly", "json.boolean"), SPANISH);
        assertEquals(400, problem.status());
        assertEquals("readOnly", problem.field());
        assertEquals("Cuerpo de la petición no válido", problem.title());
        assertEquals("El campo 'readOnly' debe ser true o false, sin comillas.", problem.detail());
    }

    @Test
    void anUnexpectedFailureSaysNothingOfItselfInEitherLanguage() {
        Problem problem = Problems.problemFor(new IllegalStateException("secret internals"), SPANISH);
        assertEquals(500, problem.status());
        assertEquals("Error interno", problem.title());
        assertEquals(false, problem.detail().contains("secret"), problem.detail());
    }

    @Test
    void aParameterLongerThanItsColumnIsNamedWithItsLimit() {
        InvalidParameterException.atMost("a".repeat(255), 255, "fileName");
        InvalidParameterException.atMost(null, 255, "fileName");
        ApiRefusal refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                () -> InvalidParameterException.atMost("a".repeat(256), 255, "fileName"));
        Problem problem = Problems.problemFor(refused, SPANISH);
        assertEquals(400, problem.status());
        assertEquals("fileName", problem.field());
        assertEquals("El parámetro 'fileName' tiene más de 255 caracteres.", problem.detail());
    }
}
