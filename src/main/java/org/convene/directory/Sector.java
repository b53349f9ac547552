package org.convene.directory;

public record Sector(String code, String name) {
}
