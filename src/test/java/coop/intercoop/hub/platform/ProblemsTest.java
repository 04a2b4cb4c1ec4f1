package coop.intercoop.hub.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The mapping of refusals to problems; the query parameter that does not convert is covered on a running hub. */
class ProblemsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

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
