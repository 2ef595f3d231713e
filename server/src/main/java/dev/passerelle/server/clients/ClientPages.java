package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiException;
import dev.passerelle.server.console.ConsoleController;
import dev.passerelle.server.console.Operator;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's client applications: list, create (the secret shown once), change the redirect
 * URIs and the webview's branding with a live preview of the webview, rotate the secret, delete.
 */
@ConsoleController
class ClientPages {

    private final ClientApplications clients;

    ClientPages(ClientApplications clients) {
        this.clients = clients;
    }

    /** The client form as posted: every field of {@link ClientSettings}. */
    record Form(String name, String redirectUris, String displayName, String logoUrl, String primaryColor,
                String consentText, String privacyUrl, Boolean disableConnectorHints, Boolean useAppLayout,
                Boolean disableAccountsPreCheck) {

        static Form of(ClientSettings settings) {
            WebviewBranding b = settings.branding();
            return new Form(settings.name(), String.join("\n", settings.redirectUris()), b.displayName(), b.logoUrl(),
                    b.primaryColor(), b.consentText(), b.privacyUrl(), b.disableConnectorHints(), b.useAppLayout(),
                    b.disableAccountsPreCheck());
        }

        ClientSettings settings() {
            List<String> uris = redirectUris == null ? List.of()
                    : Arrays.stream(redirectUris.split("[\\s,]+")).filter(uri -> !uri.isBlank()).toList();
            return ClientSettings.checked(name, uris, WebviewBranding.checked(displayName, logoUrl, primaryColor, consentText,
                    privacyUrl, Boolean.TRUE.equals(disableConnectorHints), Boolean.TRUE.equals(useAppLayout),
                    Boolean.TRUE.equals(disableAccountsPreCheck)));
        }
    }

    @GetMapping("/console/clients")
    String list(Operator operator, Model model) {
        model.addAttribute("clients", clients.list());
        return "console/clients";
    }

    @GetMapping("/console/clients/new")
    String newClient(Operator operator, Model model) {
        model.addAttribute("form", Form.of(new ClientSettings("", List.of(), WebviewBranding.NONE)));
        return "console/client";
    }

    @PostMapping("/console/clients")
    String create(Operator operator, @ModelAttribute Form form, HttpServletResponse response, Model model) {
        try {
            ClientApplications.WithSecret created = clients.create(form.settings(), operator.changedBy());
            return secretShown(created, model);
        } catch (ApiException refused) {
            return refused(refused, form, response, model);
        }
    }

    @GetMapping("/console/clients/{id}")
    String client(Operator operator, @PathVariable long id, Model model) {
        ClientApplication client = clients.find(id).orElseThrow(() -> ClientApplications.notFound(id));
        model.addAttribute("client", client);
        model.addAttribute("form", Form.of(client.settings()));
        return "console/client";
    }

    @PostMapping("/console/clients/{id}")
    String update(Operator operator, @PathVariable long id, @ModelAttribute Form form, HttpServletResponse response,
                  Model model) {
        try {
            clients.update(id, current -> form.settings(), operator.changedBy());
            return "redirect:/console/clients/" + id + "?saved";
        } catch (ApiException refused) {
            model.addAttribute("client", clients.find(id).orElseThrow(() -> ClientApplications.notFound(id)));
            return refused(refused, form, response, model);
        }
    }

    @PostMapping("/console/clients/{id}/secret")
    String rotate(Operator operator, @PathVariable long id, Model model) {
        return secretShown(clients.rotateSecret(id, operator.changedBy()), model);
    }

    @PostMapping("/console/clients/{id}/delete")
    String delete(Operator operator, @PathVariable long id) {
        clients.delete(id, operator.changedBy());
        return "redirect:/console/clients?deleted";
    }

    /**
     * The webview as a client's branding would show it, for the preview frame of the client form:
     * the branding comes from the query, checked like a saved one (an invalid value is left out).
     */
    @GetMapping("/console/clients/preview")
    String preview(Operator operator, @RequestParam(required = false) String name,
                   @RequestParam(name = "display_name", required = false) String displayName,
                   @RequestParam(name = "logo_url", required = false) String logoUrl,
                   @RequestParam(name = "primary_color", required = false) String primaryColor,
                   @RequestParam(name = "consent_text", required = false) String consentText,
                   @RequestParam(name = "privacy_url", required = false) String privacyUrl, Model model) {
        model.addAttribute("branding", WebviewBranding.draft(displayName, logoUrl, primaryColor, consentText, privacyUrl));
        model.addAttribute("clientName", name);
        return "console/client-preview";
    }

    private static String secretShown(ClientApplications.WithSecret shown, Model model) {
        model.addAttribute("client", shown.client());
        model.addAttribute("secret", shown.secret());
        return "console/client-secret";
    }

    private static String refused(ApiException refused, Form form, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", form);
        model.addAttribute("refusal", refused.description());
        return "console/client";
    }
}
