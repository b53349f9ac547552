package org.convene.web;

/** One choice in a select, radio or checkbox list. */
public record Option(String value, String label) {
}
