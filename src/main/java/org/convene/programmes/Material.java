package org.convene.programmes;

/** A module's material: a link, or a file kept in the database. */
public record Material(long id, long moduleId, String title, String url, String fileName, String contentType, long size) {
    public boolean isFile() {
        return url == null;
    }

    public String href() {
        return isFile() ? "/materials/" + id : url;
    }
}
