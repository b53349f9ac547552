package org.convene.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI document kept beside the code (src/main/resources/openapi.json). */
public final class OpenApi {
    private final byte[] document;

    public OpenApi() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the jar");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void serve(Context ctx) {
        ctx.contentType("application/json").result(document);
    }
}
