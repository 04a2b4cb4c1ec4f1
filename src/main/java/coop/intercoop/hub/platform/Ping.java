package coop.intercoop.hub.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("ping")
@jakarta.enterprise.context.RequestScoped
public class Ping {
    @GET
    public String ping() {
        return "pong";
    }
}
