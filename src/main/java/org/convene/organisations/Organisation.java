package org.convene.organisations;

public record Organisation(long id, String name, String sectorCode, String sectorName, Long placeId,
                           String placeName, long people) {
}
