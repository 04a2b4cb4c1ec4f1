package coop.intercoop.hub.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

@ApplicationPath("api/v1")
public class Api extends Application {
}
