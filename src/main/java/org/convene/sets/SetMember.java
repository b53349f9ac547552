package org.convene.sets;

/** Someone on a cohort as the group engine and the sets page see them. {@code set} is 0 when not in a set yet. */
public record SetMember(long personId, String name, Long organisationId, String organisation, String sectorCode,
                        String sectorName, String profession, Long placeId, String place, Integer years, Integer band,
                        int set, boolean locked) {
}
