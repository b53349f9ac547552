package org.convene.testing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body as a browser sends it: text fields and files. */
public final class Multipart {
    private final String boundary = "----ConveneTest" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String filename, byte[] content) {
        return file(name, filename, filename.isEmpty() ? "application/octet-stream" : "text/csv", content);
    }

    /** A file part with the Content-Type the browser claims for it. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String filename, String content) {
        return file(name, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    private void part(String headers) {
        body.writeBytes(("--" + boundary + "\r\n" + headers).getBytes(StandardCharsets.UTF_8));
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        done.writeBytes(body.toByteArray());
        done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.ofByteArray(done.toByteArray());
    }
}
