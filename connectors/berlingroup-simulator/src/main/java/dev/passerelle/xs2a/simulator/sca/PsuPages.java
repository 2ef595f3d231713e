package dev.passerelle.xs2a.simulator.sca;

import dev.passerelle.xs2a.simulator.Bank;
import dev.passerelle.xs2a.simulator.bank.BankAccount;
import dev.passerelle.xs2a.simulator.consent.AccessRequest;
import dev.passerelle.xs2a.simulator.consent.Consent;
import dev.passerelle.xs2a.simulator.consent.Grant;
import dev.passerelle.xs2a.simulator.http.Call;
import dev.passerelle.xs2a.simulator.http.Response;
import dev.passerelle.xs2a.simulator.http.Xs2aException;
import dev.passerelle.xs2a.simulator.web.Templates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The PSU's side of a redirect or OAuth SCA, on the bank's own pages: log in (PSU id and password),
 * review the consent (pick accounts for a bank-offered consent), then accept or deny. The caller says
 * where the browser goes when the PSU is done.
 */
public final class PsuPages {

    /** Where the browser goes when the PSU accepted or denied. */
    @FunctionalInterface
    public interface Completion {
        Response done(boolean accepted);
    }

    private final Bank bank;
    private final ScaFlows flows;
    private final Templates templates;

    public PsuPages(Bank bank, ScaFlows flows, Templates templates) {
        this.bank = bank;
        this.flows = flows;
        this.templates = templates;
    }

    /** The page for the authorisation's current state. */
    public Response show(Consent consent, Authorisation authorisation, String action, Map<String, String> hidden) {
        if (authorisation.status().terminal()) {
            return message(409, "done_over");
        }
        if (authorisation.status() == ScaStatus.PSU_AUTHENTICATED) {
            return consentPage(consent, authorisation, action, hidden);
        }
        return loginPage(consent, authorisation, action, hidden, "", null, 200);
    }

    /** A form posted from one of the pages. */
    public Response submit(Call call, Consent consent, Authorisation authorisation, String action,
                           Map<String, String> hidden, Completion completion) {
        Map<String, List<String>> form = call.form();
        String step = call.formValue(form, "action").orElse("");
        synchronized (consent) {
            if (authorisation.status().terminal()) {
                return message(409, "done_over");
            }
            switch (step) {
                case "login" -> {
                    String typed = call.formValue(form, "psuId").orElse("").trim();
                    try {
                        flows.login(consent, authorisation, typed, call.formValue(form, "password").orElse(""));
                    } catch (Xs2aException refused) {
                        if (authorisation.status().terminal()) {
                            return completion.done(false);
                        }
                        return loginPage(consent, authorisation, action, hidden, typed, refused.getMessage(), 200);
                    }
                    return consentPage(consent, authorisation, action, hidden);
                }
                case "accept" -> {
                    if (authorisation.status() != ScaStatus.PSU_AUTHENTICATED) {
                        return loginPage(consent, authorisation, action, hidden, "", null, 200);
                    }
                    flows.decide(consent, authorisation, true, new LinkedHashSet<>(form.getOrDefault("account", List.of())));
                    return completion.done(true);
                }
                case "deny" -> {
                    flows.decide(consent, authorisation, false, Set.of());
                    return completion.done(false);
                }
                default -> {
                    return loginPage(consent, authorisation, action, hidden, "", null, 400);
                }
            }
        }
    }

    /** A plain page with one of the texts of the bundle. */
    public Response message(int status, String textKey) {
        return Response.html(status, templates.render("message", Map.of("bankName", bank.options().bankName(),
                "message", templates.text(textKey))));
    }

    /** A plain page with a text of its own (an error about the request). */
    public Response error(String text) {
        return Response.html(400, templates.render("message", Map.of("bankName", bank.options().bankName(),
                "message", text)));
    }

    private Response loginPage(Consent consent, Authorisation authorisation, String action,
                               Map<String, String> hidden, String typedPsu, String error, int status) {
        Map<String, Object> model = base(action, hidden);
        String psu = authorisation.psuId().or(consent::psuId).orElse("");
        model.put("psuId", psu.isEmpty() ? typedPsu : psu);
        model.put("psuFixed", !psu.isEmpty());
        if (error != null) {
            model.put("error", error);
        }
        return Response.html(status, templates.render("login", model));
    }

    private Response consentPage(Consent consent, Authorisation authorisation, String action,
                                 Map<String, String> hidden) {
        Map<String, Object> model = base(action, hidden);
        AccessRequest access = consent.access();
        List<BankAccount> accounts = bank.accountsOf(authorisation.psuId().orElseThrow());
        model.put("validUntil", consent.validUntil().toString());
        model.put("frequencyPerDay", consent.frequencyPerDay());
        switch (access.kind()) {
            case ALL_PSD2 -> model.put("allPsd2", true);
            case AVAILABLE_ACCOUNTS -> model.put(access.withBalance() ? "availableWithBalance" : "available", true);
            case BANK_OFFERED -> {
                model.put("pick", true);
                model.put("accounts", accounts.stream().map(a -> accountRow(a, "")).toList());
            }
            case DEDICATED -> {
                Grant grant = Grant.resolve(access, accounts, Set.of());
                model.put("dedicated", true);
                model.put("accounts", accounts.stream().filter(a -> grant.accounts().contains(a.resourceId()))
                        .map(a -> accountRow(a, rights(grant, a))).toList());
            }
        }
        return Response.html(200, templates.render("consent", model));
    }

    private String rights(Grant grant, BankAccount account) {
        StringJoiner rights = new StringJoiner(", ");
        rights.add(templates.text("consent_accounts"));
        if (grant.balances().contains(account.resourceId())) {
            rights.add(templates.text("consent_balances"));
        }
        if (grant.transactions().contains(account.resourceId())) {
            rights.add(templates.text("consent_transactions"));
        }
        return rights.toString();
    }

    private static Map<String, Object> accountRow(BankAccount account, String rights) {
        return Map.of("resourceId", account.resourceId(), "name", account.name(),
                "reference", account.card() ? account.maskedPan() : account.iban(), "currency", account.currency(),
                "rights", rights);
    }

    private Map<String, Object> base(String action, Map<String, String> hidden) {
        Map<String, Object> model = new HashMap<>();
        model.put("bankName", bank.options().bankName());
        model.put("action", action);
        List<Map<String, String>> fields = new ArrayList<>();
        hidden.forEach((name, value) -> fields.add(Map.of("name", name, "value", value)));
        model.put("hidden", fields);
        return model;
    }
}
