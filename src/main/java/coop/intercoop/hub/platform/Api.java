package coop.intercoop.hub.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API. Organisation-scoped resources live under {@code /api/v1/orgs/{org}}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Intercoop Hub API", version = "1", description = """
        Shared back office of a second-tier social-economy organisation. Authenticate with a personal access token \
        (POST /api/v1/tokens) sent as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details."""), security = @SecurityRequirement(name = "token"))
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class Api extends Application {
}
