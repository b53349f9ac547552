package org.convene.transfer;

/** What an import stored. */
public record ImportReport(int imported, String one, String many) {

    static ImportReport people(int n) {
        return new ImportReport(n, "person", "people");
    }

    static ImportReport organisations(int n) {
        return new ImportReport(n, "organisation", "organisations");
    }

    public String summary() {
        return String.format("Imported %,d %s.", imported, imported == 1 ? one : many);
    }
}
