package dev.passerelle.server.investments;

import java.time.Instant;

/** One {@code investment} row: whose it is, and what the institution says of it. */
record InvestmentRow(
        long id,
        long idAccount,
        long idConnection,
        long idUser,
        String externalId,
        InvestmentFacts facts,
        Instant created,
        Instant lastUpdate,
        Instant deleted) {
}
