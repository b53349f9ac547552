package org.convene.transfer;

/** A checked value and the line of the file it came from, to blame that line if storing it fails. */
record Lined<T>(long line, T value) {
}
