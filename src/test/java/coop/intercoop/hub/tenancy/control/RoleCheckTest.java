package coop.intercoop.hub.tenancy.control;

import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Retention;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.tenancy.entity.Role;

/** Which roles an action declares: its own permission, else its class's, else the first superclass's that has one. */
class RoleCheckTest {

    @Roles({ Role.ORG_ADMIN, Role.AUDITOR })
    @Retention(RUNTIME)
    @interface Reads {
    }

    @Roles(Role.ORG_ADMIN)
    @Retention(RUNTIME)
    @interface Changes {
    }

    @Reads
    static class Page {
        public void read() {
        }

        @Changes
        public void change() {
        }
    }

    static class PageOfAKind extends Page {
        public void more() {
        }
    }

    static class Undeclared {
        public void act() {
        }
    }

    @Test
    void anActionsOwnPermissionComesBeforeItsClasss() throws NoSuchMethodException {
        assertArrayEquals(new Role[] { Role.ORG_ADMIN },
                RoleCheck.declared(Page.class.getMethod("change"), Page.class).value());
        assertArrayEquals(new Role[] { Role.ORG_ADMIN, Role.AUDITOR },
                RoleCheck.declared(Page.class.getMethod("read"), Page.class).value());
    }

    @Test
    void aSubclassActsUnderTheFirstPermissionUpItsClasses() throws NoSuchMethodException {
        assertArrayEquals(new Role[] { Role.ORG_ADMIN, Role.AUDITOR },
                RoleCheck.declared(PageOfAKind.class.getMethod("more"), PageOfAKind.class).value());
        assertArrayEquals(new Role[] { Role.ORG_ADMIN },
                RoleCheck.declared(PageOfAKind.class.getMethod("change"), PageOfAKind.class).value());
    }

    @Test
    void anActionThatDeclaresNoRolesIsAnErrorNotAnOpenDoor() throws NoSuchMethodException {
        assertThrows(IllegalStateException.class,
                () -> RoleCheck.declared(Undeclared.class.getMethod("act"), Undeclared.class));
        assertThrows(IllegalArgumentException.class, () -> RoleCheck.rolesOf(Retention.class));
    }

    @Test
    void theRolesOfAPermissionAreWhatItsAnnotationSays() {
        assertArrayEquals(new Role[] { Role.ORG_ADMIN }, RoleCheck.rolesOf(Changes.class));
    }
}
