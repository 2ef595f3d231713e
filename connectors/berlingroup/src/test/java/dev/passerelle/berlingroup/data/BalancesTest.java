package dev.passerelle.berlingroup.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BalancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theMostRecentBookedBalanceIsTheBalanceAndPendingItemsAreComing() {
        Balances.Picked picked = pick("""
                [{"balanceType": "interimAvailable", "creditLimitIncluded": true,
                  "balanceAmount": {"currency": "EUR", "amount": "1500.00"}},
                 {"balanceType": "closingBooked", "balanceAmount": {"currency": "EUR", "amount": "90.00"}},
                 {"balanceType": "expected", "balanceAmount": {"currency": "EUR", "amount": "75.50"}},
                 {"balanceType": "interimBooked", "balanceAmount": {"currency": "EUR", "amount": "100.00"}}]""", false);

        assertThat(picked.balance()).isEqualByComparingTo("100.00");
        assertThat(picked.coming()).isEqualByComparingTo("-24.50");
    }

    @Test
    void withoutABookedBalanceTheExpectedOneIsShownWithoutComing() {
        Balances.Picked picked = pick("""
                [{"balanceType": "interimAvailable", "balanceAmount": {"currency": "EUR", "amount": "10"}},
                 {"balanceType": "expected", "balanceAmount": {"currency": "EUR", "amount": "8"}}]""", false);

        assertThat(picked.balance()).isEqualByComparingTo("8");
        assertThat(picked.coming()).isNull();
    }

    @Test
    void aBalanceInTheAccountsCurrencyWinsAndACardShowsWhatIsNotInvoiced() {
        assertThat(pick("""
                [{"balanceType": "interimBooked", "balanceAmount": {"currency": "USD", "amount": "1"}},
                 {"balanceType": "closingBooked", "balanceAmount": {"currency": "EUR", "amount": "2"}}]""", false)
                .balance()).isEqualByComparingTo("2");
        assertThat(pick("""
                [{"balanceType": "expected", "balanceAmount": {"currency": "EUR", "amount": "-300"}},
                 {"balanceType": "nonInvoiced", "balanceAmount": {"currency": "EUR", "amount": "-120"}}]""", true)
                .balance()).isEqualByComparingTo(new BigDecimal("-120"));
    }

    private static Balances.Picked pick(String balances, boolean card) {
        JsonNode node = JSON.readTree(balances);
        return Balances.pick(Balances.read(node), "EUR", card).orElseThrow();
    }
}
