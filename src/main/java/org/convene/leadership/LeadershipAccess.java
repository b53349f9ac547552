package org.convene.leadership;

import org.convene.accounts.Viewer;
import org.convene.errors.NotFoundException;

/**
 * Who sees what of leader clusters. The programme team sees and changes everything; a board
 * sponsor sees the priority areas they sponsor (or sponsor a cluster of) and those clusters;
 * members and mentors see their own cluster. To anyone else, none of it exists.
 */
final class LeadershipAccess {
    private final Areas areas;
    private final Clusters clusters;

    LeadershipAccess(Areas areas, Clusters clusters) {
        this.areas = areas;
        this.clusters = clusters;
    }

    PriorityArea area(Viewer viewer, long id) {
        PriorityArea area = areas.find(id).orElseThrow(() -> Areas.missing(id));
        if (viewer.inProgrammeTeam() || sponsors(viewer, area)) {
            return area;
        }
        throw Areas.missing(id);
    }

    private boolean sponsors(Viewer viewer, PriorityArea area) {
        Long me = viewer.personId();
        return me != null && ((area.sponsorId() != null && area.sponsorId().equals(me))
                || clusters.ofArea(area.id()).stream().anyMatch(k -> me.equals(k.sponsorId())));
    }

    LeaderCluster cluster(Viewer viewer, long id) {
        LeaderCluster cluster = clusters.find(id).orElseThrow(() -> missingCluster(id));
        if (viewer.inProgrammeTeam() || (viewer.personId() != null && cluster.involves(viewer.personId()))) {
            return cluster;
        }
        throw missingCluster(id);
    }

    /** Areas to list: all for the team, otherwise those the viewer sponsors. */
    java.util.List<PriorityArea> areas(Viewer viewer) {
        if (viewer.inProgrammeTeam()) {
            return areas.list(null);
        }
        return viewer.personId() == null ? java.util.List.of() : areas.list(viewer.personId());
    }

    /** Clusters to list: all for the team, otherwise those the viewer sponsors, mentors or is in. */
    java.util.List<LeaderCluster> clusters(Viewer viewer) {
        if (viewer.inProgrammeTeam()) {
            return clusters.list(null);
        }
        return viewer.personId() == null ? java.util.List.of() : clusters.list(viewer.personId());
    }

    private static NotFoundException missingCluster(long id) {
        return new NotFoundException("No leader cluster with id " + id);
    }
}
