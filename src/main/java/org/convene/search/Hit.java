package org.convene.search;

/** One search result: what kind of thing it is, its title, a line of context, and where it lives. */
public record Hit(String kind, long id, String title, String context, String link) {
}
