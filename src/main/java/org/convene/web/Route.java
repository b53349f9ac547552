package org.convene.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One row of the route table: method, path, who may use it, what it does. */
public record Route(HandlerType method, String path, Access access, Handler handler, String summary) {

    public static Route get(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.GET, path, access, handler, summary);
    }

    public static Route post(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.POST, path, access, handler, summary);
    }

    public static Route put(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.PUT, path, access, handler, summary);
    }

    public static Route delete(String path, Access access, Handler handler, String summary) {
        return new Route(HandlerType.DELETE, path, access, handler, summary);
    }

    public boolean api() {
        return path.startsWith("/api/v1/");
    }
}
