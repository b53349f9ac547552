package org.convene.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of action the audit log records: administrative changes and access to personal data in bulk. */
public enum AuditAction {
    ROLES("account.roles", "Roles changed"),
    ACCOUNT_STATUS("account.status", "Account enabled or disabled"),
    INVITATION("account.invite", "Invitation sent"),
    TOKEN("account.token", "API token created or revoked"),
    SSO_LINK("account.sso", "Single sign-on link removed"),
    SETTINGS("settings", "Settings changed"),
    EXPORT("export", "Data exported"),
    IMPORT("import", "Data imported"),
    PERSON_DELETED("person.delete", "Directory entry deleted"),
    SUBJECT_ACCESS("person.data", "Personal data downloaded"),
    ERASURE("person.erase", "Person erased"),
    RETENTION("retention", "Retention applied");

    private final String code;
    private final String label;

    AuditAction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<AuditAction> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
