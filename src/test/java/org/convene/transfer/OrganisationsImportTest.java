package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.convene.errors.ImportRejectedException;
import org.convene.organisations.Organisation;
import org.convene.organisations.OrganisationInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrganisationsImportTest {
    private final Directory directory = new Directory();

    @AfterEach
    void close() {
        directory.close();
    }

    @Test
    void sectorsAreFoundByCodeOrNameAndPlacesAreCreated() {
        ImportReport report = directory.importOrganisations("name,sector,place\n"
                + "Leeds Teaching Hospitals,acute,Leeds\n"
                + "Carers Leeds,\"Voluntary and community sector (VCSE)\",Leeds\n"
                + "Unity Homes,Housing,\n");
        assertThat(report.summary()).isEqualTo("Imported 3 organisations.");
        assertThat(directory.organisations.all()).extracting(Organisation::name, Organisation::sectorCode, Organisation::placeName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Carers Leeds", "vcse", "Leeds"),
                        org.assertj.core.groups.Tuple.tuple("Leeds Teaching Hospitals", "acute", "Leeds"),
                        org.assertj.core.groups.Tuple.tuple("Unity Homes", "housing", null));
        assertThat(directory.count("places")).isEqualTo(1);
    }

    @Test
    void theSameNameTwiceInTheFileIsAnError() {
        ImportRejectedException e = directory.organisationsRejected("name,sector\nAcme,acute\nOther,acute\n  ACME ,primary\n");
        assertThat(e.rows()).containsExactly(new ImportRejectedException.Row(4, "'ACME' is also on line 2."));
        assertThat(directory.count("organisations")).isZero();
    }

    @Test
    void aNameAlreadyStoredIsAnErrorAndNothingIsStored() {
        directory.organisations.create(new OrganisationInput("Acme", "acute", "").validated(directory.reference));
        ImportRejectedException e = directory.organisationsRejected("name,sector\nNew One,acute\nacme,primary\nBad,\n");
        assertThat(e.rows()).containsExactly(
                new ImportRejectedException.Row(3, "An organisation called 'acme' already exists."),
                new ImportRejectedException.Row(4, "Choose a sector"));
        assertThat(directory.count("organisations")).isEqualTo(1);
    }

    @Test
    void theSectorColumnIsRequired() {
        ImportRejectedException e = directory.organisationsRejected("name,place\nAcme,Leeds\n");
        assertThat(e.rows()).extracting(ImportRejectedException.Row::line).containsExactly(1L);
        assertThat(e.getMessage()).contains("no 'sector' column");
    }
}
