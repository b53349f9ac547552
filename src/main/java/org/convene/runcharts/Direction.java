package org.convene.runcharts;

/** Which way a signal goes: above the median or rising (UP), below it or falling (DOWN). */
public enum Direction {
    UP, DOWN
}
