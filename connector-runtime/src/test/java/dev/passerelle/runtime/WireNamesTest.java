package dev.passerelle.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.connector.AccountType;
import dev.passerelle.connector.AccountUsage;
import dev.passerelle.connector.Capability;
import dev.passerelle.connector.LoanType;
import dev.passerelle.connector.Ownership;
import dev.passerelle.connector.TransactionType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WireNamesTest {

    @Test
    void otherIsTheProtocolsUnknown() {
        assertThat(WireNames.of(AccountType.OTHER)).isEqualTo("unknown");
        assertThat(WireNames.of(TransactionType.OTHER)).isEqualTo("unknown");
        assertThat(WireNames.accountType("unknown")).isEqualTo(AccountType.OTHER);
        assertThat(WireNames.accountType("a word nobody knows")).isEqualTo(AccountType.OTHER);
    }

    @ParameterizedTest
    @EnumSource(value = AccountType.class, mode = EnumSource.Mode.EXCLUDE, names = "OTHER")
    void everyAccountTypeReadsBackAsItself(AccountType type) {
        assertThat(WireNames.accountType(WireNames.of(type))).isEqualTo(type);
    }

    @Test
    void theProtocolsOwnSpellings() {
        assertThat(WireNames.of(AccountType.REAL_ESTATE)).isEqualTo("real_estate");
        assertThat(WireNames.of(TransactionType.LOAN_REPAYMENT)).isEqualTo("loan_repayment");
        assertThat(WireNames.of(AccountUsage.ORGANISATION)).isEqualTo("ORGA");
        assertThat(WireNames.of(Ownership.CO_OWNER)).isEqualTo("co-owner");
        assertThat(WireNames.of(LoanType.CONSUMER_CREDIT)).isEqualTo("consumercredit");
        assertThat(WireNames.of(Capability.WEALTH)).isEqualTo("bankwealth");
    }

    @Test
    void usagesOwnershipsAndLoanTypesReadBack() {
        Arrays.stream(AccountUsage.values()).forEach(u -> assertThat(WireNames.usage(WireNames.of(u))).isEqualTo(u));
        Arrays.stream(Ownership.values()).forEach(o -> assertThat(WireNames.ownership(WireNames.of(o))).isEqualTo(o));
        assertThat(WireNames.loanType("mortgage")).isEqualTo(LoanType.MORTGAGE);
        assertThat(WireNames.of(LoanType.OTHER)).isEqualTo("loan");
    }
}
