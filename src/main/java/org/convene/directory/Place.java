package org.convene.directory;

public record Place(long id, String name) {
}
