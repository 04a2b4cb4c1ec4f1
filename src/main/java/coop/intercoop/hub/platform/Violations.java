package coop.intercoop.hub.platform;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

/**
 * A Bean Validation violation as the API words it. A resource declares what it requires, and nothing more:
 * {@code @NotNull} on its body parameter, on a query parameter, or on a date of its body. The violation's path names
 * the Java method parameter ({@code trialBalance.arg0}), which means nothing to the caller; the parameter's
 * {@code @QueryParam}/{@code @PathParam} name is found on the resource method instead, so that a resource does not
 * repeat the name in a message. A missing value then gets the API's own sentence in the caller's language: the body
 * ({@code body.missing}), a date ({@code date.missing}, saying how to write it) or any other parameter
 * ({@code param.missing}). Any other violation keeps the constraint's own message.
 */
final class Violations {

    private static final List<Class<? extends Annotation>> NAMED = List.of(QueryParam.class, PathParam.class,
            HeaderParam.class, FormParam.class, CookieParam.class, MatrixParam.class);
    private static final List<Class<? extends Annotation>> NOT_THE_BODY = List.of(Context.class, BeanParam.class);

    private Violations() {
    }

    /** The violation's field and sentence; {@code keyed} when the sentence is one of the API's own, complete. */
    record Refusal(String field, String message, boolean keyed) {
        Problem.FieldError error() {
            return new Problem.FieldError(field, message);
        }

        /** As the detail of a problem: the field first unless the sentence names it itself. */
        String detail() {
            return keyed || field == null ? message : field + ": " + message;
        }
    }

    /**
     * The refusals as one detail: {@code field: message} separated by semicolons, and the API's own sentences, which
     * name their field, as sentences.
     */
    static Optional<String> detail(List<Refusal> refusals) {
        StringBuilder detail = new StringBuilder();
        for (int i = 0; i < refusals.size(); i++) {
            if (i > 0) {
                detail.append(refusals.get(i - 1).keyed() ? " " : "; ");
            }
            detail.append(refusals.get(i).detail());
        }
        return refusals.isEmpty() ? Optional.empty() : Optional.of(detail.toString());
    }

    static Refusal of(ConstraintViolation<?> violation, Locale language) {
        Element element = element(violation);
        if (violation.getConstraintDescriptor().getAnnotation() instanceof NotNull) {
            if (element.body()) {
                return new Refusal(null, ApiTexts.format(language, "body.missing"), true);
            }
            String key = element.type() == LocalDate.class ? "date.missing"
                    : element.parameter() ? "param.missing" : null;
            if (key != null) {
                return new Refusal(element.name(), ApiTexts.format(language, key, element.name()), true);
            }
        }
        return new Refusal(element.name(), violation.getMessage(), false);
    }

    /** What a violation is about: a request parameter by its name, the body, or a property of the body. */
    private record Element(String name, Class<?> type, boolean parameter, boolean body) {
    }

    private static Element element(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                last = node;
            }
        }
        if (last == null) {
            return new Element("", null, false, false);
        }
        if (last.getKind() == ElementKind.PARAMETER && method != null) {
            Parameter parameter = parameter(violation.getRootBeanClass(), method,
                    last.as(Path.ParameterNode.class).getParameterIndex());
            if (parameter != null) {
                for (Class<? extends Annotation> named : NAMED) {
                    Annotation annotation = parameter.getAnnotation(named);
                    if (annotation != null) {
                        return new Element(nameOf(annotation), parameter.getType(), true, false);
                    }
                }
                boolean body = NOT_THE_BODY.stream().noneMatch(parameter::isAnnotationPresent);
                return new Element(last.getName(), parameter.getType(), false, body);
            }
        }
        return new Element(last.getName(), propertyType(violation.getLeafBean(), last.getName()), false, false);
    }

    /**
     * The parameter of the resource method itself: a CDI proxy of the resource overrides the method without its
     * parameters' annotations, so the class declaring it as a resource method (with its HTTP method) is looked for.
     */
    private static Parameter parameter(Class<?> type, Path.MethodNode node, int index) {
        Class<?>[] types = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(node.getName(), types);
                if (isResourceMethod(method) && index < method.getParameterCount()) {
                    return method.getParameters()[index];
                }
            } catch (NoSuchMethodException notHere) {
                // declared further up
            }
        }
        return null;
    }

    private static boolean isResourceMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    private static String nameOf(Annotation annotation) {
        if (annotation instanceof QueryParam q) {
            return q.value();
        }
        if (annotation instanceof PathParam p) {
            return p.value();
        }
        if (annotation instanceof HeaderParam h) {
            return h.value();
        }
        if (annotation instanceof FormParam f) {
            return f.value();
        }
        if (annotation instanceof CookieParam c) {
            return c.value();
        }
        return ((MatrixParam) annotation).value();
    }

    private static Class<?> propertyType(Object bean, String name) {
        for (Class<?> c = bean == null ? null : bean.getClass(); c != null
                && c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                return field.getType();
            } catch (NoSuchFieldException notHere) {
                // declared further up
            }
        }
        return null;
    }
}
