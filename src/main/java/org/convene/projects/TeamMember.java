package org.convene.projects;

import java.time.Instant;

/** Someone in a project's team, with the sector and organisation their directory entry gives. */
public record TeamMember(long projectId, long personId, String name, String sectorCode, String sectorName,
                         String organisationName, TeamRole role, Instant joinedAt) {
}
