package dev.passerelle.server.clients;

import dev.passerelle.server.api.ApiError;
import dev.passerelle.server.api.BodyParams;
import dev.passerelle.server.api.NoStore;
import dev.passerelle.server.audit.ChangedBy;
import dev.passerelle.server.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /clients} with the config token (docs/protocol.md §1.3): create (201, with the secret shown
 * this once), list, read, update ({@code PUT} or {@code POST}; {@code secret=true} rotates the secret
 * and shows the new one), delete (204).
 */
@Tag(name = "Client applications", description = "The integrators' back ends, with the config token (docs/configuration.md).")
@RestController
class ClientsController {

    private final ClientApplications clients;
    private final ObjectMapper json;

    ClientsController(ClientApplications clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    record ClientList(List<ClientView> clients, int total) {
    }

    @Operation(summary = "Create a client application", description = "name, redirect_uris, the webview's branding "
            + "(config); its secret is in the answer, shown this once.")
    @ApiResponse(responseCode = "201", description = "Created, with its secret")
    @NoStore
    @PostMapping("/clients")
    ResponseEntity<ClientView> create(Caller.Admin caller, BodyParams body) {
        ClientApplications.WithSecret created = clients.create(ClientForm.of(body, json).newSettings(), ChangedBy.CONFIG_TOKEN);
        return ResponseEntity.status(HttpStatus.CREATED).body(ClientView.of(created.client(), created.secret()));
    }

    @Operation(summary = "List the client applications")
    @GetMapping("/clients")
    ClientList list(Caller.Admin caller) {
        List<ClientView> all = clients.list().stream().map(client -> ClientView.of(client, null)).toList();
        return new ClientList(all, all.size());
    }

    @Operation(summary = "Get a client application", description = "Never its secret: only a slow hash of it is kept.")
    @GetMapping("/clients/{id}")
    ClientView get(Caller.Admin caller, @PathVariable String id) {
        return ClientView.of(clients.find(parse(id)).orElseThrow(() -> ClientApplications.notFound(parse(id))), null);
    }

    @Operation(summary = "Change a client application", description = "What the body gives; secret=true rotates the "
            + "secret and shows the new one this once.")
    @NoStore
    @RequestMapping(path = "/clients/{id}", method = {RequestMethod.PUT, RequestMethod.POST})
    ClientView update(Caller.Admin caller, @PathVariable String id, BodyParams body) {
        long clientId = parse(id);
        ClientForm form = ClientForm.of(body, json);
        boolean rotate = body.bool("secret").orElse(false);
        if (form.isEmpty() && !rotate) {
            throw ApiError.MISSING_PARAMETER.exception("Give what to change: name, redirect_uris, config (or its keys), "
                    + "or secret=true to rotate the secret");
        }
        ClientApplication updated = form.isEmpty()
                ? clients.find(clientId).orElseThrow(() -> ClientApplications.notFound(clientId))
                : clients.update(clientId, form::applyTo, ChangedBy.CONFIG_TOKEN);
        if (rotate) {
            ClientApplications.WithSecret rotated = clients.rotateSecret(clientId, ChangedBy.CONFIG_TOKEN);
            return ClientView.of(rotated.client(), rotated.secret());
        }
        return ClientView.of(updated, null);
    }

    @Operation(summary = "Delete a client application", description = "Its secret, its users' tokens and its webhook "
            + "endpoints stop working.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/clients/{id}")
    ResponseEntity<Void> delete(Caller.Admin caller, @PathVariable String id) {
        clients.delete(parse(id), ChangedBy.CONFIG_TOKEN);
        return ResponseEntity.noContent().build();
    }

    private static long parse(String id) {
        if (!id.matches("\\d{1,18}")) {
            throw ApiError.NOT_FOUND.exception("A client application is named by its numeric id");
        }
        return Long.parseLong(id);
    }
}
