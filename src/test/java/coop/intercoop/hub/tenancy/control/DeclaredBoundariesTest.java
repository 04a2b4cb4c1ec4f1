package coop.intercoop.hub.tenancy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.boundary.AnyMember;
import coop.intercoop.hub.tenancy.boundary.OrganisationScope;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Every operation of an organisation's API ({@code orgs/{org}/…}) declares who may call it, by a permission annotation
 * carrying its roles (on the method or its class), or is one of the few whose rule is not a role, named here with that
 * rule. A new resource that forgets fails here, before any test calls it.
 */
class DeclaredBoundariesTest {

    /** Operations whose rule is not a role of the organisation, and where that rule lives. */
    private static final Set<String> RULES_OF_THEIR_OWN = Set.of(
            // the importer's own roles (Importer.roles()) decide an upload and a template
            "ImportsResource.upload", "ImportsResource.template",
            // a job is read by the members of an organisation it wrote into; its problems and workbook by the uploader
            "ImportsResource.find", "ImportsResource.problems", "ImportsResource.workbook",
            // a consortium is read by its members' bidders, checked by Consortia against the consortium
            "ConsortiumReportsResource.trialBalance");

    @Test
    void everyOrganisationOperationDeclaresItsPermission() throws IOException, URISyntaxException {
        List<String> undeclared = new ArrayList<>();
        for (Class<?> resource : boundaries()) {
            Path path = resource.getAnnotation(Path.class);
            if (path == null || !path.value().startsWith("orgs/{" + OrganisationScope.ORG + "}")) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || !isOperation(method)) {
                    continue;
                }
                String name = resource.getSimpleName() + "." + method.getName();
                if (!declaresRoles(method) && !declaresRoles(resource) && !RULES_OF_THEIR_OWN.contains(name)) {
                    undeclared.add(name);
                }
            }
        }
        assertEquals(List.of(), undeclared, "operations of an organisation that declare no permission");
    }

    @Test
    void whatEveryMemberReadsIsReadWhateverTheirRoles() {
        assertEquals(Set.of(Role.values()), Set.of(RoleCheck.rolesOf(AnyMember.class)));
    }

    private static boolean isOperation(Method method) {
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(DELETE.class);
    }

    private static boolean declaresRoles(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(Roles.class)) {
                return true;
            }
        }
        return false;
    }

    /** Every class of a {@code boundary} package of the hub, as compiled. */
    private static List<Class<?>> boundaries() throws IOException, URISyntaxException {
        java.nio.file.Path root = java.nio.file.Path
                .of(OrganisationScope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> f.getParent().endsWith("boundary")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, DeclaredBoundariesTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException(name, e);
                }
            }
        }
        return classes;
    }
}
